using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using TermSync.Customers;
using TermSync.Money;

namespace TermSync.Api.Portal.Exports;

/// <summary>
/// Writes a customer's statement as CSV (RFC 4180): a header row, then one row per open invoice in the statement's
/// order, with comma separators and CRLF line ends. The bytes are UTF-8 with a byte order mark, because Excel on
/// Windows opens a CSV file without one in the locale's legacy code page, such as Windows-1252, and garbles non-ASCII
/// vendor names.
/// </summary>
public static class StatementCsv
{
    /// <summary>The header row's column names, in column order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "Vendor", "Vendor ID", "Invoice number", "Currency", "Issue date", "Due date", "Days past due",
        "Amount", "Open amount", "Under review", "Owed", "Status",
    ];

    /// <summary>
    /// First characters of a cell that spreadsheets evaluate as a formula ("=", "+", "-", "@") or that can hide one
    /// (tab, carriage return, NUL). The set is that of OWASP ASVS 5.0 requirement 1.2.10 plus carriage return.
    /// </summary>
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r\0");

    /// <summary>
    /// Writes <paramref name="statement"/> as UTF-8 CSV. Dates are ISO 8601 (yyyy-MM-dd). Amounts use the invariant
    /// culture and exactly the currency's minor-unit digits, without group separators. Status is the invoice status
    /// as the API names it in JSON, such as "partiallyPaid". Text cells that start with a formula character get a
    /// leading apostrophe, so a spreadsheet shows them as text.
    /// </summary>
    /// <exception cref="ArgumentException">A line's currency is not one of <see cref="Currencies.Codes"/>.</exception>
    public static byte[] Write(CustomerStatement statement)
    {
        var csv = new StringBuilder();
        AppendRow(csv, Columns);
        foreach (var vendor in statement.Vendors)
        {
            foreach (var line in vendor.Invoices)
            {
                AppendRow(csv, Cells(vendor, line));
            }
        }

        var preamble = Encoding.UTF8.GetPreamble();
        var bytes = new byte[preamble.Length + Encoding.UTF8.GetByteCount(csv.ToString())];
        preamble.CopyTo(bytes, 0);
        Encoding.UTF8.GetBytes(csv.ToString(), bytes.AsSpan(preamble.Length));
        return bytes;
    }

    private static IEnumerable<string> Cells(VendorStatement vendor, StatementLine line)
    {
        var digits = Currencies.GetMinorUnitDigits(line.Currency);
        string Amount(decimal amount) => amount.ToString($"F{digits}", CultureInfo.InvariantCulture);

        // Numbers and dates are formatted here and cannot contain a formula, so only text cells are neutralized.
        // An apostrophe would also turn a negative amount into text.
        return
        [
            NeutralizeFormula(vendor.VendorName),
            NeutralizeFormula(vendor.VendorId),
            NeutralizeFormula(line.InvoiceNumber),
            NeutralizeFormula(line.Currency),
            line.IssueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            line.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            line.DaysPastDue.ToString(CultureInfo.InvariantCulture),
            Amount(line.Amount),
            Amount(line.OpenAmount),
            Amount(line.DisputedAmount),
            Amount(line.OwedAmount),
            JsonNamingPolicy.CamelCase.ConvertName(line.Status.ToString()),
        ];
    }

    /// <summary>
    /// Prefixes an apostrophe to a value that starts with a formula character, the escape that OWASP ASVS 5.0
    /// requirement 1.2.10 names. Excel then shows the value as text and hides the apostrophe, while a plain-text
    /// reader sees it.
    /// </summary>
    internal static string NeutralizeFormula(string value) =>
        value.Length > 0 && FormulaStarts.Contains(value[0]) ? "'" + value : value;

    private static void AppendRow(StringBuilder csv, IEnumerable<string> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                csv.Append(',');
            }

            AppendField(csv, cell);
            first = false;
        }

        csv.Append("\r\n");
    }

    /// <summary>Appends a field, quoted with inner quotes doubled when it contains a comma, a quote, CR or LF (RFC 4180, section 2).</summary>
    private static void AppendField(StringBuilder csv, string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            csv.Append(value);
            return;
        }

        csv.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
