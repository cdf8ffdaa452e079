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

    private const string AppendSql = """
        INSERT INTO grain_journal (service_id, grain_id, sequence, payload)
        SELECT @service_id, input.grain_id, input.sequence, input.payload
        FROM unnest(@grain_ids, @sequences, @payloads) AS input (grain_id, sequence, payload)
        """;

    /// <summary>How many appends one statement takes.</summary>
    public static FlushLimits<PendingJournalAppend> Limits { get; } =
        new(MaxAppendsPerFlush, MaxBytesPerFlush, append => append.Payloads.Sum(payload => (long)payload.Length));

    /// <summary>
    /// Appends every entry of <paramref name="appends"/> in one statement, which runs in one implicit transaction, so
    /// either all of them are stored or none is. A number that a grain's journal already contains fails the statement.
    /// </summary>
    public async Task<IReadOnlyList<bool>> AppendAsync(IReadOnlyList<PendingJournalAppend> appends)
    {
        ArgumentNullException.ThrowIfNull(appends);
        var grainIds = new List<string>();
        var sequences = new List<long>();
        var payloads = new List<byte[]>();
        foreach (var append in appends)
        {
            for (var index = 0; index < append.Payloads.Count; index++)
            {
                grainIds.Add(append.GrainId);
                sequences.Add(append.FirstSequence + index);
                payloads.Add(append.Payloads[index]);
            }
        }

        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(AppendSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("service_id", NpgsqlDbType.Text) { TypedValue = serviceId });
        GrainStateParameters.AddArray(command, "grain_ids", NpgsqlDbType.Text, grainIds);
        GrainStateParameters.AddArray(command, "sequences", NpgsqlDbType.Bigint, sequences);
        GrainStateParameters.AddArray(command, "payloads", NpgsqlDbType.Bytea, payloads);
        await command.ExecuteNonQueryAsync();
        return [.. appends.Select(_ => true)];
    }
}
