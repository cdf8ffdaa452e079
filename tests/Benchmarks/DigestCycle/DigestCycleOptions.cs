using System.Globalization;

namespace TermSync.Benchmarks.DigestCycle;

/// <summary>Settings of the digest-cycle benchmark, read from the command line.</summary>
public sealed record DigestCycleOptions
{
    public const string Usage =
        """
        Measures how long one digest cycle takes in a silo hosted in this process, and the process's memory.

        Usage:
          TermSync.Benchmarks digest-cycle [options]

        Options:
          --customers N           Customers, each with 5 open invoices across 3 vendors. Default 100000.
          --rounds N              Measured rounds, at least 1. Default 3. Each round runs a first cycle
                                  for a new week and then the same cycle again.
          --as-of YYYY-MM-DD      Business date of the first round; each later round is 7 days later.
                                  Default 2025-01-06. Keep it, and the invoice due dates up to 18 days
                                  after the last round, before today, so that the customers' own
                                  reminders find no due-soon or past-due trigger during the run.
          --seed-concurrency N    Customers seeded at once. Default 64.
          --markdown FILE         Writes the results as Markdown to FILE.

        Grain storage and reminders are in memory, and digests go to an outbox folder under a temporary
        folder that the run deletes at the end.
        """;

    /// <summary>Invoices of each customer.</summary>
    public const int InvoicesPerCustomer = 5;

    /// <summary>Vendors that share the invoices of every customer.</summary>
    public const int Vendors = 3;

    /// <summary>Network customers to seed.</summary>
    public int Customers { get; init; } = 100_000;

    /// <summary>Measured rounds, each a first and a repeated cycle for its own week.</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>Business date of the first round's cycle; round n runs 7 × (n - 1) days later.</summary>
    public DateOnly AsOf { get; init; } = new(2025, 1, 6);

    /// <summary>Customers whose invoices are issued at the same time while seeding.</summary>
    public int SeedConcurrency { get; init; } = 64;

    /// <summary>File that receives the results as Markdown, or null.</summary>
    public string? MarkdownPath { get; init; }

    /// <summary>Returns the business date of round <paramref name="round"/>, counted from 1.</summary>
    public DateOnly AsOfRound(int round) => AsOf.AddDays(7 * (round - 1));

    /// <summary>Parses the arguments after the command name.</summary>
    /// <param name="today">Today's date (UTC), which every invoice due date must precede.</param>
    /// <exception cref="ArgumentException">An option is unknown, lacks its value or is out of range.</exception>
    public static DigestCycleOptions Parse(IReadOnlyList<string> args, DateOnly today)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var index = 0; index < args.Count; index += 2)
        {
            if (!args[index].StartsWith("--", StringComparison.Ordinal) || index + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected an option and its value at '{args[index]}'. Run with --help for usage.");
            }

            values[args[index]] = args[index + 1];
        }

        var known = new[] { "--customers", "--rounds", "--as-of", "--seed-concurrency", "--markdown" };
        var unknown = values.Keys.FirstOrDefault(key => !known.Contains(key));
        if (unknown is not null)
        {
            throw new ArgumentException($"Unknown option '{unknown}'. Run with --help for usage.");
        }

        var defaults = new DigestCycleOptions();
        var options = new DigestCycleOptions
        {
            Customers = Integer(values, "--customers", defaults.Customers, 1),
            Rounds = Integer(values, "--rounds", defaults.Rounds, 1, 52),
            AsOf = Date(values, "--as-of", defaults.AsOf),
            SeedConcurrency = Integer(values, "--seed-concurrency", defaults.SeedConcurrency, 1, 4096),
            MarkdownPath = values.GetValueOrDefault("--markdown"),
        };

        // A due date on or after today would let the customers' reminders send due-soon and past-due digests during the run.
        var latestDue = options.AsOf.AddDays(DigestWorkload.DueOffsetDays.Max());
        if (latestDue >= today)
        {
            throw new ArgumentException(
                $"The option --as-of is {options.AsOf:yyyy-MM-dd}, so the last invoice falls due on {latestDue:yyyy-MM-dd}, which is not before today ({today:yyyy-MM-dd}). Pass a date at least {DigestWorkload.DueOffsetDays.Max() + 1} days before today.");
        }

        return options;
    }

    private static int Integer(Dictionary<string, string> values, string name, int fallback, int minimum, int maximum = int.MaxValue)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
        {
            throw new ArgumentException($"The option {name} is '{text}' but must be a whole number from {minimum} to {maximum}.");
        }

        return value;
    }

    private static DateOnly Date(Dictionary<string, string> values, string name, DateOnly fallback)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            throw new ArgumentException($"The option {name} is '{text}' but must be a calendar date written YYYY-MM-DD, such as 2025-01-06.");
        }

        return value;
    }
}
