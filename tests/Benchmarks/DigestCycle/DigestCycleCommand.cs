using Serilog;

namespace TermSync.Benchmarks.DigestCycle;

/// <summary>The digest-cycle command: parses its options, runs the benchmark, and prints and writes the report.</summary>
public static class DigestCycleCommand
{
    /// <summary>Runs the command with the arguments after its name and returns the exit code: 0 when every check passed, 1 when one failed, 2 for invalid options, 130 when cancelled.</summary>
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

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, eventArgs) =>
        {
            eventArgs.Cancel = true;
            cancellation.Cancel();
        };

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
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Console.Error.WriteLine("Cancelled; no report was written.");
            return 130;
        }
    }
}
