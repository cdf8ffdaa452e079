using System.Text;
using TermSync.Importer.Generation;

namespace TermSync.Importer.Cli;

/// <summary>A parsed command line.</summary>
internal abstract record ImportCommand;

/// <summary>Request for the usage text.</summary>
internal sealed record HelpCommand : ImportCommand;

/// <summary>Options shared by the commands that replay events to the API.</summary>
/// <param name="ApiBaseAddress">Root URL of the TermSync API, ending in '/'.</param>
/// <param name="Until">Last business date replayed (inclusive), or null for every event.</param>
/// <param name="MaxConcurrency">Maximum number of requests in flight.</param>
/// <param name="ApiKey">The key sent as "Authorization: Bearer KEY" with every request.</param>
internal sealed record ReplaySettings(Uri ApiBaseAddress, DateOnly? Until, int MaxConcurrency, string ApiKey)
{
    // Leaves the API key out of ToString, so that printing or logging the settings never shows it.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"ApiBaseAddress = {ApiBaseAddress}, Until = {Until}, MaxConcurrency = {MaxConcurrency}");
        return true;
    }
}

/// <summary>Replay of a ledger CSV file.</summary>
internal sealed record LedgerCommand(string FilePath, ReplaySettings Replay) : ImportCommand;

/// <summary>Replay of a generated network.</summary>
internal sealed record GenerateCommand(NetworkOptions Network, ReplaySettings Replay) : ImportCommand;
