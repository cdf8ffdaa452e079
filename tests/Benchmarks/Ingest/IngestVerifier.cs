using System.Net;
using System.Text.Json;

namespace TermSync.Benchmarks.Ingest;

/// <summary>What the read-back after the rounds found.</summary>
/// <param name="SamplesMatching">Sampled invoices that GET returned with status 200 and the amount that was sent.</param>
/// <param name="VendorsMatching">Vendors whose figures count exactly the invoices acknowledged for them.</param>
/// <param name="Failures">One line per mismatch, empty when everything matched.</param>
public sealed record VerificationResult(int Samples, int SamplesMatching, int Vendors, int VendorsMatching, IReadOnlyList<string> Failures)
{
    public bool Passed => Failures.Count == 0;
}

/// <summary>
/// Reads acknowledged invoices back through the API: a random sample with GET /vendors/{vendorId}/invoices/{invoiceNumber},
/// and every vendor's invoice count with GET /vendors/{vendorId}/figures, which the vendor ledger grains keep for every
/// stored invoice.
/// </summary>
public sealed class IngestVerifier(HttpClient http)
{
    /// <summary>Checks <paramref name="samples"/> distinct random invoices of <paramref name="acknowledged"/> and the figures of every vendor in <paramref name="vendorIds"/>.</summary>
    public async Task<VerificationResult> VerifyAsync(
        IReadOnlyList<AcknowledgedInvoice> acknowledged, IReadOnlyList<string> vendorIds, int samples, int seed, CancellationToken cancellationToken)
    {
        var failures = new List<string>();

        var shuffled = acknowledged.ToArray();
        new Random(seed).Shuffle(shuffled);
        var picked = shuffled.Take(samples).ToList();
        var samplesMatching = 0;
        foreach (var invoice in picked)
        {
            var failure = await CheckInvoiceAsync(invoice, cancellationToken);
            if (failure is null)
            {
                samplesMatching++;
            }
            else
            {
                failures.Add(failure);
            }
        }

        var expectedCounts = acknowledged.GroupBy(invoice => invoice.VendorId, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        var vendorsMatching = 0;
        foreach (var vendorId in vendorIds)
        {
            var counted = await CountInvoicesAsync(vendorId, cancellationToken);
            var expected = expectedCounts.GetValueOrDefault(vendorId);
            if (counted == expected)
            {
                vendorsMatching++;
            }
            else
            {
                failures.Add($"Vendor {vendorId}: the figures count {counted} invoices but {expected} were acknowledged.");
            }
        }

        return new VerificationResult(picked.Count, samplesMatching, vendorIds.Count, vendorsMatching, failures);
    }

    private async Task<string?> CheckInvoiceAsync(AcknowledgedInvoice invoice, CancellationToken cancellationToken)
    {
        var path = $"vendors/{Uri.EscapeDataString(invoice.VendorId)}/invoices/{Uri.EscapeDataString(invoice.InvoiceNumber)}";
        using var response = await http.GetAsync(path, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return $"GET /{path} returned {(int)response.StatusCode} instead of 200.";
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var amount = body.RootElement.GetProperty("amount").GetDecimal();
        return amount == invoice.Amount ? null : $"GET /{path} returned the amount {amount} but {invoice.Amount} was sent.";
    }

    private async Task<long> CountInvoicesAsync(string vendorId, CancellationToken cancellationToken)
    {
        var path = $"vendors/{Uri.EscapeDataString(vendorId)}/figures";
        using var response = await http.GetAsync(path, cancellationToken);
        response.EnsureSuccessStatusCode();

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return body.RootElement.GetProperty("currencies").EnumerateArray().Sum(currency => currency.GetProperty("invoiceCount").GetInt64());
    }
}
