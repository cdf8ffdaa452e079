using System.Globalization;
using TermSync.Importer.Generation;

namespace TermSync.Importer.Cli;

/// <summary>
/// Parses the importer's command line. Options take their value as the next argument or after '='
/// (--api URL or --api=URL).
/// </summary>
internal static class CommandLineParser
{
    /// <summary>The environment variable that supplies the API key when --api-key is absent.</summary>
    public const string ApiKeyVariable = "TERMSYNC_API_KEY";

    public const string Usage =
        """
        Replays accounts-receivable events through the TermSync REST API in business-date order.

        Usage:
          TermSync.Importer ledger FILE --api URL [--api-key KEY] [--until YYYY-MM-DD] [--concurrency N]
          TermSync.Importer generate --api URL [--api-key KEY] [--seed N] [--vendors N] [--customers N]
                                     [--invoices-per-pair N] [--until YYYY-MM-DD] [--concurrency N]

        Commands:
          ledger     Replays a late-payment ledger CSV: one vendor per country ledger, USD invoices,
                     disputes and one full payment per row.
          generate   Replays a seeded, deterministic network of vendors and shared customers.
                     Replaying it again is a no-op. A network with other options reuses the same
                     vendor ids and invoice numbers, so replay it into an empty database.

        Options:
          --api URL               Root URL of the TermSync API, such as http://127.0.0.1:5080/ (required).
          --api-key KEY           The admin key of the API, sent as a Bearer credential. Default: the
                                  environment variable TERMSYNC_API_KEY, which other local users
                                  cannot read from the process list as they can a command line.
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
    /// <param name="defaultApiKey">The API key used when --api-key is absent, normally from <see cref="ApiKeyVariable"/>.</param>
    /// <exception cref="CommandLineException">The arguments are invalid.</exception>
    public static ImportCommand Parse(IReadOnlyList<string> args, string? defaultApiKey = null)
    {
        if (args.Count == 0 || args.Any(arg => arg is "--help" or "-h"))
        {
            return new HelpCommand();
        }

        var command = args[0];
        var (positionals, options) = Split(args.Skip(1).ToList());

        return command switch
        {
            "ledger" => ParseLedger(positionals, options, defaultApiKey),
            "generate" => ParseGenerate(positionals, options, defaultApiKey),
            _ => throw new CommandLineException($"Unknown command '{command}'. Expected 'ledger' or 'generate'; run with --help for usage."),
        };
    }

    private static LedgerCommand ParseLedger(List<string> positionals, Dictionary<string, string> options, string? defaultApiKey)
    {
        RejectUnknown(options, "--api", "--api-key", "--until", "--concurrency");
        if (positionals.Count != 1)
        {
            throw new CommandLineException(
                $"The ledger command takes exactly one FILE argument but got {positionals.Count}. Usage: ledger FILE --api URL [--until YYYY-MM-DD].");
        }

        return new LedgerCommand(positionals[0], ParseReplaySettings(options, defaultApiKey));
    }

    private static GenerateCommand ParseGenerate(List<string> positionals, Dictionary<string, string> options, string? defaultApiKey)
    {
        RejectUnknown(options, "--api", "--api-key", "--until", "--concurrency", "--seed", "--vendors", "--customers", "--invoices-per-pair");
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
        return new GenerateCommand(network, ParseReplaySettings(options, defaultApiKey));
    }

    private static ReplaySettings ParseReplaySettings(Dictionary<string, string> options, string? defaultApiKey)
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
        return new ReplaySettings(baseAddress, until, concurrency, ApiKey(options, defaultApiKey));
    }

    private static string ApiKey(Dictionary<string, string> options, string? defaultApiKey)
    {
        var key = options.TryGetValue("--api-key", out var option) ? option : defaultApiKey;
        if (string.IsNullOrEmpty(key))
        {
            throw new CommandLineException(
                $"Missing API key. Set the environment variable {ApiKeyVariable} or pass --api-key KEY with the admin key of the API.");
        }

        // The message leaves the key out, because it may be a real key with a stray character.
        if (key.Any(character => char.IsWhiteSpace(character) || char.IsControl(character)))
        {
            throw new CommandLineException($"Invalid API key in --api-key or {ApiKeyVariable}: it contains white space or control characters. Pass the key exactly as it was issued.");
        }

        return key;
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
