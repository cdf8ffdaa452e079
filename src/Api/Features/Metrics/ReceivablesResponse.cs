using TermSync.Metrics;

namespace TermSync.Api.Features.Metrics;

/// <summary>Receivables figures at one as-of date over one window, one entry per currency found, ordered by currency code.</summary>
/// <param name="VendorId">The vendor the figures cover, or null for the whole network.</param>
/// <param name="Currencies">The figures of each currency; empty when no invoice matters at the date.</param>
/// <param name="Source">"live" for today's figures read from the running totals kept by the cluster, "ledger" for figures computed from the ledger.</param>
public sealed record ReceivablesResponse(string? VendorId, DateOnly AsOf, int WindowDays, IReadOnlyList<ReceivablesMetrics> Currencies, string Source)
{
    public const string Live = "live";

    public const string Ledger = "ledger";
}
