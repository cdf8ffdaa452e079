namespace TermSync.Benchmarks.Metrics;

/// <summary>The "metrics report" command: renders the results of one or more network sizes as Markdown.</summary>
public static class MetricsReportCommand
{
    public const string Usage =
        $"""
        Renders the JSON results that 'metrics measure' wrote, one file per network size, as Markdown.

        Usage:
          {Driver.Command} metrics report --markdown FILE RESULT...

        Options:
          --markdown FILE   Writes the Markdown to FILE as well as to standard output.

        Returns 1 when any result holds a failed check, so a caller can keep invalid figures out of the docs.
        """;

    /// <summary>Runs the command and returns the exit code: 0 when every result passed its checks, 1 otherwise, 2 for invalid arguments.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        string? markdownPath = null;
        var paths = new List<string>();
        for (var index = 0; index < args.Count; index++)
        {
            if (args[index] == "--markdown" && index + 1 < args.Count)
            {
                markdownPath = args[++index];
            }
            else if (args[index].StartsWith("--", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"Unknown option '{args[index]}' or missing value. Run with --help for usage.");
                return 2;
            }
            else
            {
                paths.Add(args[index]);
            }
        }

        if (paths.Count == 0)
        {
            Console.Error.WriteLine("No result files were given; pass the files that 'metrics measure' wrote with --output.");
            return 2;
        }

        var results = new List<MeasureResult>();
        try
        {
            foreach (var path in paths)
            {
                results.Add(await MeasureResult.LoadAsync(path, cancellationToken));
            }
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 2;
        }

        var markdown = MetricsReport.ToMarkdown(results);
        Console.Out.Write(markdown);
        if (markdownPath is not null)
        {
            await File.WriteAllTextAsync(markdownPath, markdown, cancellationToken);
        }

        return results.All(result => result.Problems.Count == 0) ? 0 : 1;
    }
}
