using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace TermSync.Importer.Ledger;

/// <summary>
/// Reads a late-payment ledger in CSV: a header line with the columns of <see cref="LedgerRow"/>
/// (countryCode, customerID, PaperlessDate, invoiceNumber, InvoiceDate, DueDate, InvoiceAmount, Disputed,
/// SettledDate, PaperlessBill, DaysToSettle, DaysLate) in any order, dates as M/D/YYYY, amounts with a '.'
/// decimal point and at most two decimals.
/// </summary>
public static class LedgerReader
{
    private const string DateFormat = "M/d/yyyy";

    private static readonly string[] RequiredColumns =
    [
        "countryCode", "customerID", "PaperlessDate", "invoiceNumber", "InvoiceDate", "DueDate",
        "InvoiceAmount", "Disputed", "SettledDate", "PaperlessBill", "DaysToSettle", "DaysLate",
    ];

    /// <summary>Reads every row of the ledger file at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">No file exists at <paramref name="path"/>.</exception>
    /// <exception cref="LedgerFormatException">A column is missing or a value is invalid.</exception>
    public static IReadOnlyList<LedgerRow> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The ledger file '{path}' does not exist. Pass the path of an existing CSV file.", path);
        }

        using var reader = new StreamReader(path);
        return Read(reader);
    }

    /// <summary>Reads every row of a ledger from <paramref name="reader"/>.</summary>
    /// <exception cref="LedgerFormatException">A column is missing or a value is invalid.</exception>
    public static IReadOnlyList<LedgerRow> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);

        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            DetectColumnCountChanges = false,
        };
        using var csv = new CsvReader(reader, configuration);

        if (!csv.Read())
        {
            throw new LedgerFormatException("The ledger is empty. Its first line must be the header: " + string.Join(",", RequiredColumns) + ".");
        }

        csv.ReadHeader();
        var columns = MapColumns(csv.HeaderRecord ?? []);

        var rows = new List<LedgerRow>();
        while (csv.Read())
        {
            var fields = new LedgerFields(csv.Parser.RawRow, csv.Parser.Record ?? [], columns);
            rows.Add(fields.ToRow());
        }

        return rows;
    }

    private static Dictionary<string, int> MapColumns(string[] header)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < header.Length; index++)
        {
            columns.TryAdd(header[index], index);
        }

        var missing = RequiredColumns.Where(name => !columns.ContainsKey(name)).ToArray();
        if (missing.Length > 0)
        {
            throw new LedgerFormatException(
                $"The ledger header is missing the column(s) {string.Join(", ", missing)}. " +
                $"Expected a header with {string.Join(",", RequiredColumns)}; found '{string.Join(",", header)}'.");
        }

        return columns;
    }

    /// <summary>Fields of one data line, with parsers that name the line, column and value on failure.</summary>
    private readonly struct LedgerFields(int lineNumber, string[] record, Dictionary<string, int> columns)
    {
        public LedgerRow ToRow()
        {
            var row = new LedgerRow(
                LineNumber: lineNumber,
                CountryCode: Text("countryCode"),
                CustomerId: Text("customerID"),
                PaperlessDate: Date("PaperlessDate"),
                InvoiceNumber: Text("invoiceNumber"),
                InvoiceDate: Date("InvoiceDate"),
                DueDate: Date("DueDate"),
                InvoiceAmount: Amount("InvoiceAmount"),
                Disputed: YesNo("Disputed"),
                SettledDate: Date("SettledDate"),
                PaperlessBill: Delivery("PaperlessBill"),
                DaysToSettle: Integer("DaysToSettle"),
                DaysLate: Integer("DaysLate"));

            if (row.SettledDate < row.InvoiceDate)
            {
                throw Invalid("SettledDate", Raw("SettledDate"), $"a date on or after InvoiceDate {Raw("InvoiceDate")}");
            }

            return row;
        }

        private string Raw(string column)
        {
            var index = columns[column];
            if (index >= record.Length)
            {
                throw new LedgerFormatException(
                    $"Line {lineNumber} of the ledger has {record.Length} fields, so column {column} (field {index + 1}) is missing. " +
                    "Every line needs as many fields as the header.");
            }

            return record[index];
        }

        private string Text(string column)
        {
            var value = Raw(column);
            return value.Length > 0 ? value : throw Invalid(column, value, "a non-empty value");
        }

        private DateOnly Date(string column)
        {
            var value = Raw(column);
            return DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw Invalid(column, value, "a date as M/D/YYYY, such as 1/15/2013");
        }

        private decimal Amount(string column)
        {
            var value = Raw(column);
            if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount.Scale > 2)
            {
                throw Invalid(column, value, "a non-negative amount with a '.' decimal point and at most two decimals, such as 55.94");
            }

            return amount;
        }

        private bool YesNo(string column) => Raw(column) switch
        {
            "Yes" => true,
            "No" => false,
            var value => throw Invalid(column, value, "Yes or No"),
        };

        private BillDelivery Delivery(string column) => Raw(column) switch
        {
            "Paper" => BillDelivery.Paper,
            "Electronic" => BillDelivery.Electronic,
            var value => throw Invalid(column, value, "Paper or Electronic"),
        };

        private int Integer(string column)
        {
            var value = Raw(column);
            return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw Invalid(column, value, "a whole number of days");
        }

        private LedgerFormatException Invalid(string column, string value, string expected) =>
            new($"Line {lineNumber} of the ledger has an invalid {column} '{value}'. Expected {expected}.");
    }
}
