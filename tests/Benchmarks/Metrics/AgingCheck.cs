using System.Text.Json;

namespace TermSync.Benchmarks.Metrics;

/// <summary>Compares the aging of a receivables response with the figures computed from the generated rows.</summary>
public static class AgingCheck
{
    /// <summary>
    /// Returns one line per difference in total AR or open invoice count, per currency. A currency without open invoices
    /// may be missing from the response, because the endpoints list only currencies with invoices that matter at the date.
    /// </summary>
    public static IReadOnlyList<string> Compare(string read, string body, IReadOnlyList<ExpectedAging> expected)
    {
        var reported = new Dictionary<string, (decimal TotalAr, int OpenInvoiceCount)>(StringComparer.Ordinal);
        using (var document = JsonDocument.Parse(body))
        {
            foreach (var figures in document.RootElement.GetProperty("currencies").EnumerateArray())
            {
                var aging = figures.GetProperty("aging");
                reported[figures.GetProperty("scope").GetProperty("currency").GetString()!] =
                    (aging.GetProperty("totalAr").GetDecimal(), aging.GetProperty("openInvoiceCount").GetInt32());
            }
        }

        var problems = new List<string>();
        foreach (var currency in expected)
        {
            var found = reported.Remove(currency.Currency, out var figures);
            if (!found && currency.OpenInvoiceCount == 0)
            {
                continue;
            }

            if (figures.TotalAr != currency.TotalAr || figures.OpenInvoiceCount != currency.OpenInvoiceCount)
            {
                problems.Add($"{read}: {currency.Currency} total AR {figures.TotalAr} over {figures.OpenInvoiceCount:N0} open invoices, " +
                    $"but the generated rows give {currency.TotalAr} over {currency.OpenInvoiceCount:N0}.");
            }
        }

        problems.AddRange(reported.Keys.Select(currency => $"{read}: reports currency {currency}, which the generated rows for it do not contain."));
        return problems;
    }
}
