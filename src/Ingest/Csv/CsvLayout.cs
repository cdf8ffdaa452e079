namespace TermSync.Ingest.Csv;

/// <summary>The columns one kind of CSV file has; header names match case-insensitively and in any order.</summary>
/// <param name="Required">Columns the header must name.</param>
/// <param name="Optional">Columns the header may name; other columns are ignored.</param>
/// <param name="AtLeastOneOf">Optional columns of which the header must name at least one; empty when there is no such rule.</param>
internal sealed record CsvLayout(string[] Required, string[] Optional, string[] AtLeastOneOf)
{
    /// <summary>
    /// Maps each documented column to its index in <paramref name="header"/>, using the documented spelling as
    /// the key. Returns null after adding one header error per missing or repeated column.
    /// </summary>
    public Dictionary<string, int>? MapHeader(string[] header, List<CsvRowError> errors)
    {
        var known = Required.Concat(Optional).ToDictionary(name => name, StringComparer.OrdinalIgnoreCase);
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var errorCount = errors.Count;
        for (var index = 0; index < header.Length; index++)
        {
            if (!known.TryGetValue(header[index].Trim(), out var name))
            {
                continue;
            }

            if (!columns.TryAdd(name, index))
            {
                errors.Add(new CsvRowError(0, name, header[index], $"The header names the column '{name}' more than once; keep one of them."));
            }
        }

        foreach (var name in Required.Where(name => !columns.ContainsKey(name)))
        {
            errors.Add(new CsvRowError(0, name, null, $"The header has no '{name}' column; add it. The header names the columns {Describe()}."));
        }

        if (AtLeastOneOf.Length > 0 && !AtLeastOneOf.Any(columns.ContainsKey))
        {
            errors.Add(new CsvRowError(0, AtLeastOneOf[0], null,
                $"The header has none of the columns {string.Join(", ", AtLeastOneOf)}; add at least one of them. The header names the columns {Describe()}."));
        }

        return errors.Count == errorCount ? columns : null;
    }

    /// <summary>Lists the columns for messages, such as "invoiceNumber, amount and optionally terms".</summary>
    public string Describe() =>
        Optional.Length == 0
            ? string.Join(", ", Required)
            : $"{string.Join(", ", Required)} and optionally {string.Join(", ", Optional)}";
}
