namespace TermSync.Benchmarks.DigestCycle;

/// <summary>Settings of the digest-cycle benchmark, read from the command line.</summary>
public sealed record DigestCycleOptions
{
    public const string Usage =
        $"""
        Measures how long one digest cycle takes in a silo hosted in this process, and the process's memory.

        Usage:
          bash deploy/bench-digests.sh [options]
          {Driver.Command} digest-cycle [options]

        The script builds the solution, passes --markdown itself and records the results in docs/benchmarks.md.
        The second form runs only the driver.

        Options:
          --customers N           Customers, each with 5 open invoices across 3 vendors. Default 100000.
          --rounds N              Measured rounds, at least 1. Default 3. Each round runs a first cycle
                                  for a new week and then the same cycle again.
          --as-of YYYY-MM-DD      Business date of the first round; each later round is 7 days later.
                                  Default 2025-01-06. Keep it, and the invoice due dates up to 18 days
                                  after the last round, before today, so that the customers' own
                                  reminders find no due-soon or past-due trigger during the run.
          --seed-concurrency N    Customers seeded at once. Default 64.
          --markdown FILE         Writes the results as Markdown to FILE (the script sets it).

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
        var values = OptionValues.Parse(args, ["--customers N", "--rounds N", "--as-of YYYY-MM-DD", "--seed-concurrency N", "--markdown FILE"]);
        var defaults = new DigestCycleOptions();
        var options = new DigestCycleOptions
        {
            Customers = values.Integer("--customers", defaults.Customers, 1),
            Rounds = values.Integer("--rounds", defaults.Rounds, 1, 52),
            AsOf = values.Date("--as-of", defaults.AsOf),
            SeedConcurrency = values.Integer("--seed-concurrency", defaults.SeedConcurrency, 1, 4096),
            MarkdownPath = values.Text("--markdown"),
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
}
