using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace TermSync.Browser.Tests.Portal;

/// <summary>What the portal's statement page shows, read from its tables.</summary>
/// <param name="Totals">The rows of the totals table over all vendors.</param>
/// <param name="Vendors">The vendor sections in page order.</param>
public sealed record StatementView(IReadOnlyList<ExpectedTotal> Totals, IReadOnlyList<VendorView> Vendors)
{
    private const string Script = """
        () => ({
          totals: [...document.querySelectorAll('table.totals tbody tr')].map(row =>
            [row.querySelector('th').textContent, ...[...row.querySelectorAll('td')].map(cell => cell.textContent)].map(text => text.trim())),
          vendors: [...document.querySelectorAll('section.vendor')].map(section => ({
            name: section.querySelector('h2').textContent.trim(),
            invoices: [...section.querySelectorAll('tbody tr th')].map(cell => cell.textContent.trim()),
            owed: [...section.querySelectorAll('tfoot tr td[data-label="Owed"]')].map(cell => cell.textContent.trim()),
          })),
        })
        """;

    public IEnumerable<string> InvoiceNumbers => Vendors.SelectMany(vendor => vendor.InvoiceNumbers);

    public static async Task<StatementView> ReadAsync(IPage page)
    {
        var data = await page.EvaluateAsync<JsonElement>(Script);
        var totals = data.GetProperty("totals").EnumerateArray()
            .Select(row => row.EnumerateArray().Select(cell => cell.GetString()!).ToArray())
            .Select(row => new ExpectedTotal(
                row[0], ParseAmount(row[1], row[0]), ParseAmount(row[2], row[0]), ParseAmount(row[3], row[0]), int.Parse(row[4], CultureInfo.InvariantCulture)));
        var vendors = data.GetProperty("vendors").EnumerateArray().Select(vendor => new VendorView(
            vendor.GetProperty("name").GetString()!,
            [.. Strings(vendor.GetProperty("invoices"))],
            [.. Strings(vendor.GetProperty("owed")).Select(ParseAmount)]));
        return new StatementView([.. totals], [.. vendors]);
    }

    /// <summary>Parses an amount as the portal formats it in English, such as "1,234.56 USD".</summary>
    public static (decimal Amount, string Currency) ParseAmount(string text)
    {
        var parts = text.Split(' ');
        Assert.True(parts.Length == 2, $"'{text}' is not an amount followed by a currency code.");
        return (decimal.Parse(parts[0], NumberStyles.Number, CultureInfo.InvariantCulture), parts[1]);
    }

    private static decimal ParseAmount(string text, string currency)
    {
        var (amount, shownCurrency) = ParseAmount(text);
        Assert.Equal(currency, shownCurrency);
        return amount;
    }

    private static IEnumerable<string> Strings(JsonElement array) => array.EnumerateArray().Select(item => item.GetString()!);
}

/// <summary>One vendor section: its heading, its invoice numbers in row order and its owed total per currency.</summary>
public sealed record VendorView(string Name, IReadOnlyList<string> InvoiceNumbers, IReadOnlyList<(decimal Amount, string Currency)> Owed);
