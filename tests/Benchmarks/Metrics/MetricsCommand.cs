using System.Runtime.InteropServices;

namespace TermSync.Benchmarks.Metrics;

/// <summary>The "metrics" command: passes its subcommand (load, measure or report) the remaining arguments.</summary>
public static class MetricsCommand
{
    public const string Usage =
        $"""
        Measures receivables metrics reads on a generated network. deploy/bench-metrics.sh runs the steps in order
        for each network size, with a new database and API for each.

        Usage:
          bash deploy/bench-metrics.sh [options]
          {Driver.Command} metrics load --invoices N --manifest FILE [options]
          {Driver.Command} metrics measure --api URL --manifest FILE --silo-pid PID --output FILE [options]
          {Driver.Command} metrics report --markdown FILE RESULT...

        Run a subcommand with --help for its options.
        """;

    /// <summary>Runs the subcommand named first in <paramref name="args"/> and returns its exit code; 130 when cancelled.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, eventArgs) =>
        {
            eventArgs.Cancel = true;
            cancellation.Cancel();
        };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancellation.Cancel();
        });

        var help = args.Contains("--help");
        try
        {
            return args switch
            {
                ["load", ..] when help => PrintUsage(MetricsLoadCommand.Usage),
                ["load", .. var rest] => await MetricsLoadCommand.RunAsync(rest, cancellation.Token),
                ["measure", ..] when help => PrintUsage(MetricsMeasureCommand.Usage),
                ["measure", .. var rest] => await MetricsMeasureCommand.RunAsync(rest, cancellation.Token),
                ["report", ..] when help => PrintUsage(MetricsReportCommand.Usage),
                ["report", .. var rest] => await MetricsReportCommand.RunAsync(rest, cancellation.Token),
                _ when help => PrintUsage(Usage),
                _ => PrintUsage(Usage, exitCode: 2),
            };
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Console.Error.WriteLine("Cancelled; no results were written.");
            return 130;
        }
    }

    private static int PrintUsage(string usage, int exitCode = 0)
    {
        Console.Error.WriteLine(usage);
        return exitCode;
    }
}
