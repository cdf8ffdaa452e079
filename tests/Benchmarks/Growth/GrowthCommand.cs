using System.Runtime.InteropServices;
using Serilog;

namespace TermSync.Benchmarks.Growth;

/// <summary>The growth command: parses its options, runs the benchmark, and prints and writes the report.</summary>
public static class GrowthCommand
{
    /// <summary>Runs the command with the arguments after its name and returns the exit code: 0 when every invoice was created, 1 otherwise or when a grain call timed out, 2 for invalid options, 130 when cancelled.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--help"))
        {
            Console.Error.WriteLine(GrowthOptions.Usage);
            return 0;
        }

        GrowthOptions options;
        try
        {
            options = GrowthOptions.Parse(args);
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 2;
        }

        // Ctrl+C and SIGTERM stop the run at the next invoice, so the silo stops and its temporary folder is deleted.
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
            var report = await new GrowthBenchmark(Console.Error).RunAsync(options, Log.Logger, cancellation.Token);
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
            Console.Error.WriteLine($"error: a grain call timed out, so the run has no figures: {exception.Message} Run again with a lower --concurrency or on a less loaded machine.");
            return 1;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Console.Error.WriteLine("Cancelled; no report was written.");
            return 130;
        }
    }
}
