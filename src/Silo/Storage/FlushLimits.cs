namespace TermSync.Silo.Storage;

/// <summary>How many queued items one flush of a <see cref="GroupCommitQueue{TItem, TResult}"/> takes. The first item always fits.</summary>
/// <param name="MaxItems">The most items of one flush.</param>
/// <param name="MaxWeight">The most total weight of one flush, unless its first item alone weighs more.</param>
/// <param name="Weigh">The weight of one item, such as its payload bytes; null weighs every item 0.</param>
/// <param name="Key">A key that no two items of one flush may share, or null when items may share keys.</param>
public sealed record FlushLimits<TItem>(
    int MaxItems,
    long MaxWeight = long.MaxValue,
    Func<TItem, long>? Weigh = null,
    Func<TItem, object>? Key = null)
{
    /// <summary>Starts counting the items of one flush.</summary>
    internal Tally Start() => new(this);

    /// <summary>The items taken so far for one flush.</summary>
    internal sealed class Tally(FlushLimits<TItem> limits)
    {
        private readonly HashSet<object>? _keys = limits.Key is null ? null : [];
        private int _count;
        private long _weight;

        /// <summary>Counts <paramref name="item"/> and returns true when it fits, or returns false and counts nothing.</summary>
        public bool TryAdd(TItem item)
        {
            var weight = limits.Weigh?.Invoke(item) ?? 0;
            var key = limits.Key?.Invoke(item);
            if (_count > 0 && (_count >= limits.MaxItems || _weight + weight > limits.MaxWeight || (key is not null && _keys!.Contains(key))))
            {
                return false;
            }

            _count++;
            _weight += weight;
            if (key is not null)
            {
                _keys!.Add(key);
            }

            return true;
        }
    }
}
