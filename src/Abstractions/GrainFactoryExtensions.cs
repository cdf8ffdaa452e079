using System.Collections.Concurrent;

namespace TermSync;

/// <summary>Grain references for hot paths.</summary>
public static class GrainFactoryExtensions
{
    private static readonly ConcurrentDictionary<Type, (GrainType GrainType, GrainInterfaceType InterfaceType)> Resolved = new();

    /// <summary>
    /// Returns the same reference as <see cref="IGrainFactory.GetGrain{TGrainInterface}(string, string?)"/>, resolving
    /// the grain type of <typeparamref name="TGrainInterface"/> only on the first call. Orleans 10.4.2 resolves it again
    /// on every call by reading the interface's custom attributes, which took more CPU than anything else in bulk ingest.
    /// </summary>
    public static TGrainInterface GetGrainCached<TGrainInterface>(this IGrainFactory grains, string primaryKey)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (!Resolved.TryGetValue(typeof(TGrainInterface), out var resolved))
        {
            var reference = (GrainReference)(object)grains.GetGrain<TGrainInterface>(primaryKey);

            // No TermSync grain type has the system prefix, so a type with it is a placeholder and is not kept.
            if (!reference.GrainId.Type.ToString()!.StartsWith("sys.", StringComparison.Ordinal))
            {
                Resolved.TryAdd(typeof(TGrainInterface), (reference.GrainId.Type, reference.InterfaceType));
            }

            return (TGrainInterface)(object)reference;
        }

        return (TGrainInterface)grains.GetGrain(GrainId.Create(resolved.GrainType, primaryKey), resolved.InterfaceType);
    }
}
