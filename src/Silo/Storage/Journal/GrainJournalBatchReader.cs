using Npgsql;
using NpgsqlTypes;
using TermSync.Silo.Storage;

namespace TermSync.Silo.Storage.Journal;

/// <summary>Reads the journal entries of many grains from grain_journal in one statement.</summary>
public sealed class GrainJournalBatchReader(NpgsqlDataSource dataSource, string serviceId)
{
    /// <summary>The most grains one statement reads.</summary>
    public const int MaxReadsPerFlush = 500;

    private const string ReadSql = """
        SELECT input.position, entry.sequence, entry.payload
        FROM unnest(@grain_ids, @afters) WITH ORDINALITY AS input (grain_id, after, position)
        JOIN grain_journal AS entry
            ON entry.service_id = @service_id AND entry.grain_id = input.grain_id AND entry.sequence > input.after
        ORDER BY input.position, entry.sequence
        """;

    /// <summary>How many reads one statement takes.</summary>
    public static FlushLimits<JournalReadRequest> Limits { get; } = new(MaxReadsPerFlush);

    /// <summary>Returns, for each request in order, its grain's entries after the requested number, in order.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<(long Sequence, byte[] Payload)>>> ReadAsync(IReadOnlyList<JournalReadRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(ReadSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("service_id", NpgsqlDbType.Text) { TypedValue = serviceId });
        GrainStateParameters.AddArray(command, "grain_ids", NpgsqlDbType.Text, requests.Select(request => request.GrainId));
        GrainStateParameters.AddArray(command, "afters", NpgsqlDbType.Bigint, requests.Select(request => request.After));

        var entries = requests.Select(_ => new List<(long, byte[])>()).ToArray();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            entries[reader.GetInt64(0) - 1].Add((reader.GetInt64(1), reader.GetFieldValue<byte[]>(2)));
        }

        return entries;
    }
}
