using Microsoft.Extensions.Logging;

namespace TermSync.Importer.Cli;

internal static partial class ImportRunnerLog
{
    [LoggerMessage(EventId = 5201, Level = LogLevel.Error, Message = "{Reason} Run with --help for usage.")]
    public static partial void InvalidCommandLine(this ILogger logger, string reason);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Error, Message = "Import failed: {Reason}")]
    public static partial void ImportFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Warning, Message = "Import cancelled before the replay completed")]
    public static partial void ImportCancelled(this ILogger logger);
}
