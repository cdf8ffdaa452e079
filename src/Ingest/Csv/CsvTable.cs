using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace TermSync.Ingest.Csv;

/// <summary>
/// Reads a comma-separated file as RFC 4180 records: a header row, then one record per row, where a field
/// in double quotes may contain commas, line breaks and doubled quotes. The file must be UTF-8, with or
/// without a byte order mark.
/// </summary>
internal static class CsvTable
{
    // Decodes UTF-8 and skips its byte order mark; invalid bytes (such as a UTF-16 or Windows-1252 file) throw.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads every data row of <paramref name="csv"/>, which stays open, with <paramref name="parseRow"/>, which
    /// returns null after adding errors to its <see cref="CsvRowFields"/>.
    /// </summary>
    public static CsvReadResult<TRow> Read<TRow>(Stream csv, CsvLayout layout, Func<CsvRowFields, TRow?> parseRow)
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(csv);

        var errors = new List<CsvRowError>();
        var rows = new List<TRow>();
        var rowNumber = 0;
        string? badField = null;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = ",",
            Mode = CsvMode.RFC4180,
            IgnoreBlankLines = true,
            BadDataFound = args => badField ??= args.Field,
        };

        using var text = new StreamReader(csv, StrictUtf8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        using var parser = new CsvParser(text, configuration);
        try
        {
            if (!parser.Read())
            {
                errors.Add(new CsvRowError(0, null, null, $"The file is empty; its first row must be the header, naming the columns {layout.Describe()}."));
                return new CsvReadResult<TRow>(rows, errors);
            }

            var header = parser.Record ?? [];
            if (layout.MapHeader(header, errors) is not { } columns)
            {
                return new CsvReadResult<TRow>(rows, errors);
            }

            while (parser.Read())
            {
                rowNumber++;
                var record = parser.Record ?? [];
                if (badField is not null)
                {
                    errors.Add(new CsvRowError(rowNumber, null, null,
                        $"The row has a double quote inside the field '{badField}', which is not quoted; put the whole field in double quotes and double each quote inside it."));
                    badField = null;
                    continue;
                }

                if (record.Length != header.Length)
                {
                    errors.Add(new CsvRowError(rowNumber, null, null,
                        $"The row has {record.Length} fields but the header has {header.Length}; put fields that contain commas in double quotes."));
                    continue;
                }

                if (parseRow(new CsvRowFields(rowNumber, record, columns, errors)) is { } row)
                {
                    rows.Add(row);
                }
            }
        }
        catch (DecoderFallbackException)
        {
            errors.Add(new CsvRowError(rowNumber + 1, null, null,
                "The file is not valid UTF-8 from this row on; save it as CSV UTF-8 and send it again. No later rows were read."));
        }

        return new CsvReadResult<TRow>(rows, errors);
    }
}
