using Npgsql;
using NpgsqlTypes;
using TermSync.Silo.Storage;

namespace TermSync.Silo.Storage.Journal;

/// <summary>
/// Deletes the journal entries that the grains' new snapshots contain, for many grains in one statement. Grains that
/// grow at the same pace reach their snapshot intervals together, and one statement each would open a connection each.
/// </summary>
public sealed class GrainJournalBatchTruncator(NpgsqlDataSource dataSource, string serviceId)
{
    /// <summary>The most grains one statement truncates.</summary>
    public const int MaxTruncationsPerFlush = 500;

    private const string TruncateSql = """
        DELETE FROM grain_journal AS entry
        USING unnest(@grain_ids, @throughs) AS input (grain_id, through)
        WHERE entry.service_id = @service_id AND entry.grain_id = input.grain_id AND entry.sequence < input.through
        """;

    /// <summary>How many truncations one statement takes.</summary>
    public static FlushLimits<JournalTruncation> Limits { get; } = new(MaxTruncationsPerFlush);

    /// <summary>Deletes, for each truncation, its grain's entries numbered before the truncation's number.</summary>
    public async Task<IReadOnlyList<bool>> TruncateAsync(IReadOnlyList<JournalTruncation> truncations)
    {
        ArgumentNullException.ThrowIfNull(truncations);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(TruncateSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("service_id", NpgsqlDbType.Text) { TypedValue = serviceId });
        GrainStateParameters.AddArray(command, "grain_ids", NpgsqlDbType.Text, truncations.Select(truncation => truncation.GrainId));
        GrainStateParameters.AddArray(command, "throughs", NpgsqlDbType.Bigint, truncations.Select(truncation => truncation.Through));
        await command.ExecuteNonQueryAsync();
        return [.. truncations.Select(_ => true)];
    }
}
