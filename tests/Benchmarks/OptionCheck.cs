using TermSync.Benchmarks.DigestCycle;
using TermSync.Benchmarks.Growth;
using TermSync.Benchmarks.Ingest;
using TermSync.Benchmarks.Metrics;
using TermSync.Benchmarks.Statement;

namespace TermSync.Benchmarks;

/// <summary>
/// The "check" command: parses the options of another command as that command would, and starts nothing. The scripts
/// in deploy/ run it before they start PostgreSQL or the API, so a mistyped option fails at once.
/// </summary>
public static class OptionCheck
{
    /// <summary>Returns 0 when the options after the command name are valid, or prints the error and returns 2.</summary>
    public static int Run(string[] args)
    {
        // With --help, a command prints its usage and ignores the other options, so they are valid.
        if (args.Contains("--help"))
        {
            return 0;
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        try
        {
            switch (args)
            {
                case ["ingest", .. var rest]:
                    // The workload rejects a network in which no vendor fills a batch.
                    IngestWorkload.Create(IngestOptions.Parse(rest));
                    return 0;
                case ["digest-cycle", .. var rest]:
                    DigestCycleOptions.Parse(rest, today);
                    return 0;
                case ["growth", .. var rest]:
                    GrowthOptions.Parse(rest);
                    return 0;
                case ["statement", .. var rest]:
                    var statement = StatementOptions.Parse(rest, today);
                    StatementNetwork.Create(statement.Invoices, statement.Seed, statement.AsOf);
                    return 0;
                case ["metrics", "load", .. var rest]:
                    MetricsLoadCommand.Parse(rest, today);
                    return 0;
                case ["metrics", "measure", .. var rest]:
                    MetricsMeasureCommand.Parse(rest);
                    return 0;
                default:
                    Console.Error.WriteLine($"'check' takes a command and its options, such as: {Driver.Command} check ingest --api URL --rounds 5. It checks the options of ingest, digest-cycle, growth, statement, metrics load and metrics measure.");
                    return 2;
            }
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 2;
        }
    }
}
