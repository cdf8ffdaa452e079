namespace TermSync.Grains.Metrics;

/// <summary>
/// A read-only segment tree over the dated sums of one map of <see cref="CurrencyRunningTotals"/>. It returns the sum
/// of the values dated in a range in O(log n) for n dates, where walking the map costs O(n).
/// </summary>
/// <remarks>
/// A range sum only adds values dated inside the range and never subtracts one outside it. While no sum needs more
/// than the 28 digits of decimal, a decimal result therefore has the value and the scale of summing the same dates one
/// by one. So a figure prints as before, such as "1000" and not "1000.00".
/// </remarks>
internal sealed class DatedSumIndex<T>
    where T : struct
{
    private readonly int[] _dayNumbers;
    private readonly T[] _tree;
    private readonly Func<T, T, T> _add;

    /// <summary>Copies the sums of <paramref name="sums"/>, which must not change while the index is read.</summary>
    public DatedSumIndex(SortedDictionary<DateOnly, T> sums, Func<T, T, T> add)
    {
        var count = sums.Count;
        _dayNumbers = new int[count];
        _tree = new T[2 * count];
        _add = add;

        // Leaf i sits at count + i in date order, and node k is the sum of nodes 2k and 2k + 1.
        var index = 0;
        foreach (var (date, value) in sums)
        {
            _dayNumbers[index] = date.DayNumber;
            _tree[count + index] = value;
            index++;
        }

        for (var node = count - 1; node > 0; node--)
        {
            _tree[node] = add(_tree[2 * node], _tree[(2 * node) + 1]);
        }
    }

    /// <summary>The latest date with a sum, or null when the map was empty.</summary>
    public DateOnly? LatestDate => _dayNumbers.Length == 0 ? null : DateOnly.FromDayNumber(_dayNumbers[^1]);

    /// <summary>Returns the sum of the values dated from <paramref name="first"/> to <paramref name="last"/> inclusive.</summary>
    public T SumBetween(DateOnly first, DateOnly last) => SumBetween(first.DayNumber, last.DayNumber);

    /// <summary>Returns the sum of the values dated from the day numbers <paramref name="firstDay"/> to <paramref name="lastDay"/> inclusive.</summary>
    public T SumBetween(int firstDay, int lastDay)
    {
        if (firstDay > lastDay)
        {
            return default;
        }

        var count = _dayNumbers.Length;
        var low = LowerBound(firstDay) + count;
        var high = LowerBound(lastDay + 1) + count;
        var left = default(T);
        var right = default(T);
        while (low < high)
        {
            if ((low & 1) == 1)
            {
                left = _add(left, _tree[low]);
                low++;
            }

            if ((high & 1) == 1)
            {
                high--;
                right = _add(_tree[high], right);
            }

            low >>= 1;
            high >>= 1;
        }

        return _add(left, right);
    }

    /// <summary>Returns the position of the first date on or after <paramref name="dayNumber"/>, or the count when there is none.</summary>
    private int LowerBound(int dayNumber)
    {
        var position = Array.BinarySearch(_dayNumbers, dayNumber);
        return position >= 0 ? position : ~position;
    }
}
