using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using TermSync.Importer.Api;
using TermSync.Importer.Generation;
using TermSync.Importer.Ledger;
using TermSync.Importer.Replay;

namespace TermSync.Importer.Cli;

/// <summary>
/// Runs one importer command and maps its failures to exit codes: 0 on success, 1 when the input or the API
/// fails, 2 for an invalid command line and 130 when cancelled.
/// </summary>
internal static class ImportRunner
{
    public const int Succeeded = 0;
    public const int Failed = 1;
    public const int InvalidCommandLine = 2;
    public const int Cancelled = 130;

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, TextWriter output, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger(typeof(ImportRunner).FullName!);

        ImportCommand command;
        try
        {
            command = CommandLineParser.Parse(args, Environment.GetEnvironmentVariable(CommandLineParser.ApiKeyVariable));
        }
        catch (CommandLineException exception)
        {
            logger.InvalidCommandLine(exception.Message);
            return InvalidCommandLine;
        }

        if (command is HelpCommand)
        {
            await output.WriteLineAsync(CommandLineParser.Usage);
            return Succeeded;
        }

        try
        {
            var (plan, settings) = command switch
            {
                LedgerCommand ledger => (LedgerReplayPlan.Create(LedgerReader.Read(ledger.FilePath)), ledger.Replay),
                GenerateCommand generate => (NetworkGenerator.Generate(generate.Network), generate.Replay),
                _ => throw new UnreachableException($"Unhandled command {command.GetType().Name}."),
            };

            using var httpClient = new HttpClient { BaseAddress = settings.ApiBaseAddress };
            httpClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
            var client = new TermSyncClient(httpClient, logger: loggerFactory.CreateLogger<TermSyncClient>());
            var replayer = new Replayer(
                client, new ReplayerOptions { MaxConcurrency = settings.MaxConcurrency }, logger: loggerFactory.CreateLogger<Replayer>());

            var summary = await replayer.ReplayAsync(plan, settings.Until, cancellationToken);
            await output.WriteLineAsync(summary.ToDisplayLine());
            return Succeeded;
        }
        catch (Exception exception) when (exception is FileNotFoundException or LedgerFormatException or ArgumentException or TermSyncApiException)
        {
            logger.ImportFailed(exception.Message);
            return Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.ImportCancelled();
            return Cancelled;
        }
    }
}
