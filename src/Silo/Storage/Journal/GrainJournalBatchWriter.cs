using Npgsql;
using NpgsqlTypes;
using TermSync.Silo.Storage;

namespace TermSync.Silo.Storage.Journal;

/// <summary>Appends the journal entries of many grains to grain_journal in one statement.</summary>
public sealed class GrainJournalBatchWriter(NpgsqlDataSource dataSource, string serviceId)
{
    /// <summary>The most grains whose entries one statement carries.</summary>
    public const int MaxAppendsPerFlush = 1000;

    /// <summary>The most payload bytes one statement carries, unless a single append is larger.</summary>
    public const int MaxBytesPerFlush = 8 * 1024 * 1024;

    // An append goes in only after the entry before its first one, or into an empty journal. The lock on that entry
    // makes a concurrent truncation that deletes it either wait for the append or turn it away.
    private const string AppendSql = """
        INSERT INTO grain_journal (service_id, grain_id, sequence, payload)
        SELECT @service_id, input.grain_id, input.sequence, input.payload
        FROM unnest(@grain_ids, @first_sequences, @sequences, @payloads) AS input (grain_id, first_sequence, sequence, payload)
        WHERE EXISTS (
                SELECT 1 FROM grain_journal AS previous
                WHERE previous.service_id = @service_id AND previous.grain_id = input.grain_id
                    AND previous.sequence = input.first_sequence - 1
                FOR KEY SHARE)
            OR NOT EXISTS (
                SELECT 1 FROM grain_journal AS stored
                WHERE stored.service_id = @service_id AND stored.grain_id = input.grain_id)
        RETURNING grain_id, sequence
        """;

    /// <summary>How many appends one statement takes.</summary>
    public static FlushLimits<PendingJournalAppend> Limits { get; } =
        new(MaxAppendsPerFlush, MaxBytesPerFlush, append => append.Payloads.Sum(payload => (long)payload.Length));

    /// <summary>
    /// Appends the entries of <paramref name="appends"/> in one statement and returns, for each append, whether its
    /// entries were stored. An append whose journal lacks the entry before its first one, and is not empty, stores
    /// nothing and returns false. A number that a grain's journal already contains fails the whole statement.
    /// </summary>
    public async Task<IReadOnlyList<bool>> AppendAsync(IReadOnlyList<PendingJournalAppend> appends)
    {
        ArgumentNullException.ThrowIfNull(appends);
        var grainIds = new List<string>();
        var firstSequences = new List<long>();
        var sequences = new List<long>();
        var payloads = new List<byte[]>();
        foreach (var append in appends)
        {
            for (var index = 0; index < append.Payloads.Count; index++)
            {
                grainIds.Add(append.GrainId);
                firstSequences.Add(append.FirstSequence);
                sequences.Add(append.FirstSequence + index);
                payloads.Add(append.Payloads[index]);
            }
        }

        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(AppendSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("service_id", NpgsqlDbType.Text) { TypedValue = serviceId });
        GrainStateParameters.AddArray(command, "grain_ids", NpgsqlDbType.Text, grainIds);
        GrainStateParameters.AddArray(command, "first_sequences", NpgsqlDbType.Bigint, firstSequences);
        GrainStateParameters.AddArray(command, "sequences", NpgsqlDbType.Bigint, sequences);
        GrainStateParameters.AddArray(command, "payloads", NpgsqlDbType.Bytea, payloads);

        // The rows of one append pass or fail the check together, so an append is stored exactly when its first row is
        // returned.
        var stored = new HashSet<(string GrainId, long Sequence)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            stored.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return [.. appends.Select(append => stored.Contains((append.GrainId, append.FirstSequence)))];
    }
}
