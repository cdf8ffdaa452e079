using System.Text;
using Orleans.Storage;

namespace TermSync.Silo.Storage;

/// <summary>
/// The key columns of one row of orleans_grain_state, filled the way the Orleans ADO.NET grain storage fills them, so
/// a row written by <see cref="GroupCommitGrainStorage"/> is the row that provider reads.
/// </summary>
/// <param name="TypeString">The state name.</param>
/// <param name="N0">The first half of a Guid key, and 0 otherwise.</param>
/// <param name="N1">The second half of a Guid key, an integer key, and 0 for a string key.</param>
/// <param name="ExtensionString">The key extension of a Guid or integer key, or the whole key of a string-keyed grain.</param>
public sealed record GrainStateRowKey(string TypeString, int TypeHash, int IdHash, long N0, long N1, string? ExtensionString)
{
    /// <summary>Computes the key columns of <paramref name="grainId"/>'s state named <paramref name="stateName"/>.</summary>
    /// <param name="hash">The 32-bit hash the ADO.NET provider applies to the key bytes and to the state name.</param>
    public static GrainStateRowKey Create(string stateName, GrainId grainId, Func<byte[], int> hash)
    {
        long n0 = 0;
        long n1 = 0;
        string? extension;
        byte[]? keyBytes;
        if (grainId.TryGetGuidKey(out var guid, out extension))
        {
            keyBytes = guid.ToByteArray();
            n0 = BitConverter.ToInt64(keyBytes, 0);
            n1 = BitConverter.ToInt64(keyBytes, 8);
        }
        else if (grainId.TryGetIntegerKey(out var integer, out extension))
        {
            n1 = integer;
            keyBytes = BitConverter.GetBytes(integer);
        }
        else
        {
            extension = grainId.Key.ToString();
            keyBytes = null;
        }

        // The provider hashes the numeric key's bytes followed by the UTF-8 extension, all in reverse order on little-endian machines.
        var hashed = keyBytes is null ? Encoding.UTF8.GetBytes(extension!) : [.. keyBytes, .. Encoding.UTF8.GetBytes(extension ?? "")];
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(hashed);
        }

        return new GrainStateRowKey(stateName, hash(Encoding.UTF8.GetBytes(stateName)), hash(hashed), n0, n1, extension);
    }

    /// <summary>Computes the key columns with the hasher that <paramref name="storage"/> picks for the grain.</summary>
    public static GrainStateRowKey Create<T>(AdoNetGrainStorage storage, string serviceId, string storageName, string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var hasher = storage.HashPicker.PickHasher(serviceId, storageName, stateName, grainId, grainState)
            ?? throw new InvalidOperationException($"The grain storage '{storageName}' has no hasher for state '{stateName}'.");
        return Create(stateName, grainId, hasher.Hash);
    }
}
