using System.Globalization;
using System.Text.Json;

namespace TermSync.Benchmarks.Statement;

/// <summary>One open invoice of a statement, in the fields that both the API and the SQL query return.</summary>
public sealed record StatementLineView(
    string VendorId,
    string VendorName,
    string InvoiceNumber,
    string Currency,
    decimal Amount,
    decimal OpenAmount,
    decimal DisputedAmount,
    DateOnly IssueDate,
    DateOnly DueDate);

/// <summary>Open receivables in one currency, of one vendor or, with a null <paramref name="VendorId"/>, of the whole statement.</summary>
public sealed record StatementTotalView(string? VendorId, string Currency, int OpenCount, decimal OpenAmount, decimal PastDueAmount, decimal DisputedAmount);

/// <summary>
/// A customer's statement reduced to what the API and the SQL query both return: the open invoices in statement order
/// (vendor name, due date, invoice number), and the totals per currency of each vendor and of the statement.
/// </summary>
public sealed record StatementView(IReadOnlyList<StatementLineView> Lines, IReadOnlyList<StatementTotalView> Totals)
{
    /// <summary>Reads the JSON body of GET /customers/{customerId}/statement.</summary>
    public static StatementView FromApi(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var lines = new List<StatementLineView>();
        var totals = new List<StatementTotalView>();
        foreach (var vendor in root.GetProperty("vendors").EnumerateArray())
        {
            var vendorId = vendor.GetProperty("vendorId").GetString()!;
            var vendorName = vendor.GetProperty("vendorName").GetString()!;
            foreach (var line in vendor.GetProperty("invoices").EnumerateArray())
            {
                lines.Add(new StatementLineView(
                    vendorId,
                    vendorName,
                    line.GetProperty("invoiceNumber").GetString()!,
                    line.GetProperty("currency").GetString()!,
                    line.GetProperty("amount").GetDecimal(),
                    line.GetProperty("openAmount").GetDecimal(),
                    line.GetProperty("disputedAmount").GetDecimal(),
                    Date(line.GetProperty("issueDate")),
                    Date(line.GetProperty("dueDate"))));
            }

            totals.AddRange(vendor.GetProperty("totals").EnumerateArray().Select(total => Total(vendorId, total)));
        }

        totals.AddRange(root.GetProperty("totals").EnumerateArray().Select(total => Total(null, total)));
        return new StatementView(lines, totals);
    }

    /// <summary>Lists how this statement differs from <paramref name="other"/>, at most a few differences of each kind, or returns an empty list when they are equal.</summary>
    public IReadOnlyList<string> Compare(StatementView other, string thisName, string otherName)
    {
        var problems = new List<string>();
        if (Lines.Count != other.Lines.Count)
        {
            problems.Add($"{thisName} returned {Lines.Count} invoices but {otherName} returned {other.Lines.Count}.");
        }

        problems.AddRange(Lines.Zip(other.Lines)
            .Where(pair => pair.First != pair.Second)
            .Take(3)
            .Select(pair => $"Invoice lines differ in statement order: {thisName} has {pair.First} where {otherName} has {pair.Second}."));

        var theseTotals = SortedTotals();
        var otherTotals = other.SortedTotals();
        if (!theseTotals.SequenceEqual(otherTotals))
        {
            problems.Add($"Totals differ: {thisName} has [{string.Join("; ", theseTotals)}] but {otherName} has [{string.Join("; ", otherTotals)}].");
        }

        return problems;
    }

    private List<StatementTotalView> SortedTotals() =>
        [.. Totals.OrderBy(total => total.VendorId ?? "", StringComparer.Ordinal).ThenBy(total => total.Currency, StringComparer.Ordinal)];

    private static StatementTotalView Total(string? vendorId, JsonElement total) => new(
        vendorId,
        total.GetProperty("currency").GetString()!,
        total.GetProperty("openCount").GetInt32(),
        total.GetProperty("openAmount").GetDecimal(),
        total.GetProperty("pastDueAmount").GetDecimal(),
        total.GetProperty("disputedAmount").GetDecimal());

    private static DateOnly Date(JsonElement value) => DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
