using HdrHistogram;

namespace TermSync.Benchmarks.Ingest;

/// <summary>What one round sent and how long it took.</summary>
/// <param name="Name">"warm-up 1" or "round 1" and so on.</param>
/// <param name="Elapsed">Wall-clock time from the first request to the last response.</param>
/// <param name="LatencyMicroseconds">Latency of each batch request, in microseconds, retries included.</param>
public sealed record RoundResult(
    string Name,
    bool Measured,
    int Batches,
    int Invoices,
    int Created,
    int Updated,
    int Unchanged,
    int Rejected,
    TimeSpan Elapsed,
    HistogramBase LatencyMicroseconds)
{
    /// <summary>Invoices that the API acknowledged as stored: every outcome except "rejected".</summary>
    public int Acknowledged => Created + Updated + Unchanged;

    /// <summary>Acknowledged invoices per second of wall-clock time.</summary>
    public double InvoicesPerSecond => Acknowledged / Elapsed.TotalSeconds;
}

/// <summary>An invoice that the API acknowledged, with the amount that was sent.</summary>
public sealed record AcknowledgedInvoice(string VendorId, string InvoiceNumber, decimal Amount);
