using Npgsql;
using NpgsqlTypes;

namespace TermSync.Silo.Storage;

/// <summary>Reads the states of many grains from orleans_grain_state in one statement.</summary>
public sealed class GrainStateBatchReader(NpgsqlDataSource dataSource, string serviceId)
{
    /// <summary>The most reads one statement carries.</summary>
    public const int MaxReadsPerFlush = 500;

    private const string ReadSql = """
        SELECT input.position, stored.payload_binary, stored.version
        FROM unnest(@type_hashes, @type_strings, @id_hashes, @id_n0s, @id_n1s, @id_extensions)
            WITH ORDINALITY AS input (grain_type_hash, grain_type_string, grain_id_hash, grain_id_n0, grain_id_n1,
                grain_id_extension_string, position)
        JOIN orleans_grain_state AS stored
            ON stored.service_id = @service_id
            AND stored.grain_type_hash = input.grain_type_hash AND stored.grain_type_string = input.grain_type_string
            AND stored.grain_id_hash = input.grain_id_hash AND stored.grain_id_n0 = input.grain_id_n0
            AND stored.grain_id_n1 = input.grain_id_n1
            AND stored.grain_id_extension_string IS NOT DISTINCT FROM input.grain_id_extension_string
        """;

    /// <summary>How many reads one statement takes.</summary>
    public static FlushLimits<GrainStateRowKey> Limits { get; } = new(MaxReadsPerFlush);

    /// <summary>Reads the rows of <paramref name="keys"/> and returns each one's stored state, or null where no row exists.</summary>
    public async Task<IReadOnlyList<StoredGrainState?>> ReadAsync(IReadOnlyList<GrainStateRowKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(ReadSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("service_id", NpgsqlDbType.Text) { TypedValue = serviceId });
        GrainStateParameters.AddKeys(command, keys);

        var states = new StoredGrainState?[keys.Count];
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var payload = reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1);
            states[reader.GetInt64(0) - 1] = new StoredGrainState(payload, reader.GetInt32(2));
        }

        return states;
    }
}

/// <summary>One stored row: the payload, null after a clear, and the version.</summary>
public sealed record StoredGrainState(byte[]? Payload, int Version);
