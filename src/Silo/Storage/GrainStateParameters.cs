using Npgsql;
using NpgsqlTypes;

namespace TermSync.Silo.Storage;

/// <summary>Adds the array parameters that the batch statements unnest into one input row per grain.</summary>
internal static class GrainStateParameters
{
    /// <summary>Adds the key columns of <paramref name="keys"/>, in order, as the arrays type_hashes to id_extensions.</summary>
    public static void AddKeys(NpgsqlCommand command, IReadOnlyList<GrainStateRowKey> keys)
    {
        AddArray(command, "type_hashes", NpgsqlDbType.Integer, keys.Select(key => key.TypeHash));
        AddArray(command, "type_strings", NpgsqlDbType.Text, keys.Select(key => key.TypeString));
        AddArray(command, "id_hashes", NpgsqlDbType.Integer, keys.Select(key => key.IdHash));
        AddArray(command, "id_n0s", NpgsqlDbType.Bigint, keys.Select(key => key.N0));
        AddArray(command, "id_n1s", NpgsqlDbType.Bigint, keys.Select(key => key.N1));
        AddArray(command, "id_extensions", NpgsqlDbType.Text, keys.Select(key => key.ExtensionString));
    }

    public static void AddArray<T>(NpgsqlCommand command, string name, NpgsqlDbType elementType, IEnumerable<T> values) =>
        command.Parameters.Add(new NpgsqlParameter<T[]>(name, NpgsqlDbType.Array | elementType) { TypedValue = [.. values] });
}
