using Npgsql;
using NpgsqlTypes;

namespace TermSync.Silo.Storage;

/// <summary>
/// Writes the states of many grains to orleans_grain_state in one statement, with the version rules of the
/// WriteToStorageKey query. A write with an expected version updates the row at exactly that version. A write without
/// one inserts version 1 unless the row exists. Any other write stores nothing.
/// </summary>
public sealed class GrainStateBatchWriter(NpgsqlDataSource dataSource, string serviceId)
{
    /// <summary>The most writes one statement carries.</summary>
    public const int MaxWritesPerFlush = 500;

    /// <summary>The most payload bytes one statement carries, unless a single state is larger.</summary>
    public const int MaxBytesPerFlush = 8 * 1024 * 1024;

    // The two data-modifying CTEs see the table as it was before the statement, so a row is either updated or inserted,
    // never both. Inserted rows are matched back to their input by the key columns, which the unique key makes unique.
    private const string WriteSql = """
        WITH input AS (
            SELECT * FROM unnest(@type_hashes, @type_strings, @id_hashes, @id_n0s, @id_n1s, @id_extensions, @expected_versions, @payloads)
                WITH ORDINALITY AS input (grain_type_hash, grain_type_string, grain_id_hash, grain_id_n0, grain_id_n1,
                    grain_id_extension_string, expected_version, payload_binary, position)
        ), updated AS (
            UPDATE orleans_grain_state AS stored
            SET payload_binary = input.payload_binary, version = stored.version + 1, modified_at = now()
            FROM input
            WHERE input.expected_version IS NOT NULL
                AND stored.version = input.expected_version
                AND stored.service_id = @service_id
                AND stored.grain_type_hash = input.grain_type_hash AND stored.grain_type_string = input.grain_type_string
                AND stored.grain_id_hash = input.grain_id_hash AND stored.grain_id_n0 = input.grain_id_n0
                AND stored.grain_id_n1 = input.grain_id_n1
                AND stored.grain_id_extension_string IS NOT DISTINCT FROM input.grain_id_extension_string
            RETURNING input.position, stored.version
        ), inserted AS (
            INSERT INTO orleans_grain_state (
                service_id, grain_type_hash, grain_type_string, grain_id_hash, grain_id_n0, grain_id_n1,
                grain_id_extension_string, payload_binary, version)
            SELECT @service_id, grain_type_hash, grain_type_string, grain_id_hash, grain_id_n0, grain_id_n1,
                grain_id_extension_string, payload_binary, 1
            FROM input
            WHERE expected_version IS NULL
            ON CONFLICT ON CONSTRAINT orleans_grain_state_grain_key DO NOTHING
            RETURNING grain_type_hash, grain_type_string, grain_id_hash, grain_id_n0, grain_id_n1, grain_id_extension_string
        )
        SELECT position, version FROM updated
        UNION ALL
        SELECT input.position, 1
        FROM inserted
        JOIN input ON input.expected_version IS NULL
            AND input.grain_type_hash = inserted.grain_type_hash AND input.grain_type_string = inserted.grain_type_string
            AND input.grain_id_hash = inserted.grain_id_hash AND input.grain_id_n0 = inserted.grain_id_n0
            AND input.grain_id_n1 = inserted.grain_id_n1
            AND input.grain_id_extension_string IS NOT DISTINCT FROM inserted.grain_id_extension_string
        """;

    /// <summary>
    /// How many writes one statement takes: within the size limits, and never two writes of one row, because the
    /// statement matches inserted rows back to writes by key.
    /// </summary>
    public static FlushLimits<PendingStateWrite> Limits { get; } =
        new(MaxWritesPerFlush, MaxBytesPerFlush, write => write.Payload.Length, write => write.Key);

    /// <summary>Writes <paramref name="writes"/> in one statement and returns each one's new version, or null where nothing was stored.</summary>
    public async Task<IReadOnlyList<int?>> WriteAsync(IReadOnlyList<PendingStateWrite> writes)
    {
        ArgumentNullException.ThrowIfNull(writes);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(WriteSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("service_id", NpgsqlDbType.Text) { TypedValue = serviceId });
        GrainStateParameters.AddKeys(command, [.. writes.Select(write => write.Key)]);
        GrainStateParameters.AddArray(command, "expected_versions", NpgsqlDbType.Integer, writes.Select(write => write.ExpectedVersion));
        GrainStateParameters.AddArray(command, "payloads", NpgsqlDbType.Bytea, writes.Select(write => write.Payload));

        // One statement runs in one implicit transaction, so every write of the flush commits or none does.
        var versions = new int?[writes.Count];
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            versions[reader.GetInt64(0) - 1] = reader.GetInt32(1);
        }

        return versions;
    }
}
