namespace TermSync.Benchmarks;

/// <summary>Finds the known option that a mistyped one most likely meant, for "did you mean" hints.</summary>
public static class OptionSuggestion
{
    /// <summary>
    /// Returns the option of <paramref name="knownOptions"/> closest to <paramref name="unknownOption"/>, or null when none
    /// is close. Without the leading "--", a known option is close when at most a third of the unknown name's letters,
    /// and at least one, must be inserted, deleted, replaced or swapped with a neighbour. Failing that, the only known
    /// option that starts with the unknown name is close, so "--warmup" finds "--warmup-rounds". bench_reject_option in
    /// deploy/bench-lib.sh applies the same rule.
    /// </summary>
    public static string? Closest(string unknownOption, IEnumerable<string> knownOptions)
    {
        var name = unknownOption.TrimStart('-');
        if (name.Length == 0)
        {
            return null;
        }

        var limit = Math.Max(1, name.Length / 3);
        var nearest = knownOptions
            .Select(option => (Option: option, Distance: Distance(name, option.TrimStart('-'))))
            .Where(candidate => candidate.Distance <= limit)
            .OrderBy(candidate => candidate.Distance)
            .FirstOrDefault();
        if (nearest.Option is not null)
        {
            return nearest.Option;
        }

        var extensions = knownOptions.Where(option => option.TrimStart('-').StartsWith(name, StringComparison.Ordinal)).Take(2).ToList();
        return extensions.Count == 1 ? extensions[0] : null;
    }

    // The optimal string alignment distance: the Levenshtein distance, with a swap of two neighbouring letters as one edit.
    private static int Distance(string first, string second)
    {
        var table = new int[first.Length + 1, second.Length + 1];
        for (var i = 0; i <= first.Length; i++)
        {
            table[i, 0] = i;
        }

        for (var j = 0; j <= second.Length; j++)
        {
            table[0, j] = j;
        }

        for (var i = 1; i <= first.Length; i++)
        {
            for (var j = 1; j <= second.Length; j++)
            {
                var cost = first[i - 1] == second[j - 1] ? 0 : 1;
                table[i, j] = Math.Min(Math.Min(table[i - 1, j] + 1, table[i, j - 1] + 1), table[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && first[i - 1] == second[j - 2] && first[i - 2] == second[j - 1])
                {
                    table[i, j] = Math.Min(table[i, j], table[i - 2, j - 2] + 1);
                }
            }
        }

        return table[first.Length, second.Length];
    }
}
