using System.Runtime.InteropServices;
using Serilog;

namespace TermSync.Benchmarks.DigestCycle;

/// <summary>The digest-cycle command: parses its options, runs the benchmark, and prints and writes the report.</summary>
public static class DigestCycleCommand
{
    /// <summary>Runs the command with the arguments after its name and returns the exit code: 0 when every check passed, 1 when one failed or a grain call timed out, 2 for invalid options, 130 when cancelled.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--help"))
        {
            Console.Error.WriteLine(DigestCycleOptions.Usage);
            return 0;
        }

        DigestCycleOptions options;
        try
        {
            options = DigestCycleOptions.Parse(args, DateOnly.FromDateTime(DateTime.UtcNow));
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 2;
        }

        // Ctrl+C and SIGTERM stop the run at the next customer or round, so the silo stops and the temporary folder is deleted.
        // A running cycle cannot be interrupted, so it finishes first.
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

        try
        {
            var report = await new DigestCycleBenchmark(Console.Error).RunAsync(options, Log.Logger, cancellation.Token);
            var markdown = report.ToMarkdown();
            Console.Out.Write(markdown);
            if (options.MarkdownPath is not null)
            {
                await File.WriteAllTextAsync(options.MarkdownPath, markdown, cancellation.Token);
            }

            foreach (var problem in report.Problems)
            {
                Console.Error.WriteLine($"error: {problem}");
            }

            return report.Problems.Count == 0 ? 0 : 1;
        }
        catch (TimeoutException exception)
        {
            // A directory shard gets 10 minutes to run its customers' digests; a slower machine needs fewer customers.
            Console.Error.WriteLine($"error: a grain call timed out, so the run has no figures: {exception.Message} Run again with fewer --customers or on a less loaded machine.");
            return 1;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Console.Error.WriteLine("Cancelled; no report was written.");
            return 130;
        }
    }
}
