using System.Globalization;
using TermSync.Importer.Generation;

namespace TermSync.Importer.Cli;

/// <summary>
/// Parses the importer's command line. Options take their value as the next argument or after '='
/// (--api URL or --api=URL).
/// </summary>
internal static class CommandLineParser
{
    public const string Usage =
        """
        Replays accounts-receivable events through the TermSync REST API in business-date order.

        Usage:
          TermSync.Importer ledger FILE --api URL [--until YYYY-MM-DD] [--concurrency N]
          TermSync.Importer generate --api URL [--seed N] [--vendors N] [--customers N]
                                     [--invoices-per-pair N] [--until YYYY-MM-DD] [--concurrency N]

        Commands:
          ledger     Replays a late-payment ledger CSV: one vendor per country ledger, USD invoices,
                     disputes and one full payment per row.
          generate   Replays a seeded, deterministic network of vendors and shared customers.
                     Replaying it again is a no-op. A network with other options reuses the same
                     vendor ids and invoice numbers, so replay it into an empty database.

        Options:
          --api URL               Root URL of the TermSync API, such as http://127.0.0.1:5080/ (required).
          --until YYYY-MM-DD      Last business date to replay, inclusive. Default: every event.
          --concurrency N         Maximum number of requests in flight. Default 8.
          --seed N                Seed of the generated network. Default 1.
          --vendors N             Number of generated vendors, at least 2. Default 8.
          --customers N           Number of generated customers. Default 60.
          --invoices-per-pair N   Invoices per vendor and customer pair. Default 4.
          --help                  Prints this text.
        """;

    private const int DefaultConcurrency = 8;

    /// <summary>Parses <paramref name="args"/> into a command.</summary>
    /// <exception cref="CommandLineException">The arguments are invalid.</exception>
    public static ImportCommand Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args.Any(arg => arg is "--help" or "-h"))
        {
            return new HelpCommand();
        }

        var command = args[0];
        var (positionals, options) = Split(args.Skip(1).ToList());

        return command switch
        {
            "ledger" => ParseLedger(positionals, options),
            "generate" => ParseGenerate(positionals, options),
            _ => throw new CommandLineException($"Unknown command '{command}'. Expected 'ledger' or 'generate'; run with --help for usage."),
        };
    }

    private static LedgerCommand ParseLedger(List<string> positionals, Dictionary<string, string> options)
    {
        RejectUnknown(options, "--api", "--until", "--concurrency");
        if (positionals.Count != 1)
        {
            throw new CommandLineException(
                $"The ledger command takes exactly one FILE argument but got {positionals.Count}. Usage: ledger FILE --api URL [--until YYYY-MM-DD].");
        }

        return new LedgerCommand(positionals[0], ParseReplaySettings(options));
    }

    private static GenerateCommand ParseGenerate(List<string> positionals, Dictionary<string, string> options)
    {
        RejectUnknown(options, "--api", "--until", "--concurrency", "--seed", "--vendors", "--customers", "--invoices-per-pair");
        if (positionals.Count != 0)
        {
            throw new CommandLineException($"The generate command takes no FILE argument but got '{positionals[0]}'.");
        }

        var defaults = new NetworkOptions();
        var network = defaults with
        {
            Seed = Integer(options, "--seed", defaults.Seed, int.MinValue),
            Vendors = Integer(options, "--vendors", defaults.Vendors, 2),
            Customers = Integer(options, "--customers", defaults.Customers, 1),
            InvoicesPerPair = Integer(options, "--invoices-per-pair", defaults.InvoicesPerPair, 1),
        };
        return new GenerateCommand(network, ParseReplaySettings(options));
    }

    private static ReplaySettings ParseReplaySettings(Dictionary<string, string> options)
    {
        if (!options.TryGetValue("--api", out var api))
        {
            throw new CommandLineException("Missing --api URL. Pass the root URL of the TermSync API, such as --api http://127.0.0.1:5080/.");
        }

        if (!Uri.TryCreate(api, UriKind.Absolute, out var apiUri) || (apiUri.Scheme != Uri.UriSchemeHttp && apiUri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CommandLineException($"Invalid --api '{api}'. Expected an absolute http or https URL, such as http://127.0.0.1:5080/.");
        }

        // Requests use relative paths, which replace the last path segment of a base address without a trailing '/'.
        var baseAddress = apiUri.AbsoluteUri.EndsWith('/') ? apiUri : new Uri(apiUri.AbsoluteUri + "/");

        DateOnly? until = null;
        if (options.TryGetValue("--until", out var untilText))
        {
            until = DateOnly.TryParseExact(untilText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new CommandLineException($"Invalid --until '{untilText}'. Expected a date as YYYY-MM-DD, such as 2013-06-30.");
        }

        var concurrency = Integer(options, "--concurrency", DefaultConcurrency, 1);
        return new ReplaySettings(baseAddress, until, concurrency);
    }

    private static int Integer(Dictionary<string, string> options, string name, int defaultValue, int minimum)
    {
        if (!options.TryGetValue(name, out var text))
        {
            return defaultValue;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < minimum)
        {
            throw new CommandLineException($"Invalid {name} '{text}'. Expected a whole number of at least {minimum}.");
        }

        return value;
    }

    private static (List<string> Positionals, Dictionary<string, string> Options) Split(List<string> args)
    {
        var positionals = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);

        for (var index = 0; index < args.Count; index++)
        {
            var arg = args[index];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positionals.Add(arg);
                continue;
            }

            var separator = arg.IndexOf('=', StringComparison.Ordinal);
            string name;
            string value;
            if (separator >= 0)
            {
                name = arg[..separator];
                value = arg[(separator + 1)..];
            }
            else if (index + 1 < args.Count)
            {
                name = arg;
                value = args[++index];
            }
            else
            {
                throw new CommandLineException($"Option {arg} needs a value, such as {arg} VALUE.");
            }

            if (!options.TryAdd(name, value))
            {
                throw new CommandLineException($"Option {name} is given more than once; pass it once.");
            }
        }

        return (positionals, options);
    }

    private static void RejectUnknown(Dictionary<string, string> options, params string[] known)
    {
        var unknown = options.Keys.FirstOrDefault(name => !known.Contains(name, StringComparer.Ordinal));
        if (unknown is not null)
        {
            throw new CommandLineException($"Unknown option {unknown}. Known options: {string.Join(", ", known)}.");
        }
    }
}
