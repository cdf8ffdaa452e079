using TermSync.Invoices;

namespace TermSync.Vendors;

/// <summary>
/// The live totals of one shard of a vendor's invoices, keyed by <see cref="KeyOf"/>. Invoice grains push every change,
/// and a snapshot whose version is not newer than the one applied is ignored, so the totals always equal the sum over
/// invoices. A vendor's figures are the sum over its <see cref="ShardCount"/> shards, which spreads the writes of a busy vendor.
/// </summary>
[Alias("termsync.IVendorLedgerGrain")]
public interface IVendorLedgerGrain : IGrainWithStringKey
{
    /// <summary>Number of shards per vendor. Changing it reassigns invoices, so it is fixed.</summary>
    const int ShardCount = 16;

    /// <summary>Returns the key of the shard that counts an invoice: "vendorId/shard"; stable across processes.</summary>
    static string KeyOf(string vendorId, string invoiceNumber)
    {
        // string.GetHashCode is randomized per process, so a fixed FNV-1a hash picks the shard.
        var hash = 2166136261u;
        foreach (var character in invoiceNumber)
        {
            hash = (hash ^ character) * 16777619u;
        }

        return VendorScopedKey.Format(vendorId, (hash % ShardCount).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Returns a vendor's figures per currency, summed over all shards, in alphabetical order of currency.</summary>
    static async Task<IReadOnlyList<VendorCurrencyFigures>> SumAsync(IGrainFactory grains, string vendorId)
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, ShardCount).Select(shard =>
            grains.GetGrainCached<IVendorLedgerGrain>(VendorScopedKey.Format(vendorId, shard.ToString(System.Globalization.CultureInfo.InvariantCulture))).GetFiguresAsync()));
        return [.. shards.SelectMany(figures => figures)
            .GroupBy(figures => figures.Currency, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => group.Aggregate((sum, next) => sum.Add(next)))];
    }

    /// <summary>
    /// Counts a vendor's invoices issued from <paramref name="first"/> to <paramref name="last"/> inclusive, void ones
    /// excluded, and how many of them are in <paramref name="queriedInvoiceNumbers"/>. Each shard receives only the
    /// numbers that it counts.
    /// </summary>
    static async Task<IssuedInvoiceCount> CountIssuedAsync(
        IGrainFactory grains, string vendorId, DateOnly first, DateOnly last, IEnumerable<string> queriedInvoiceNumbers)
    {
        var queriedByShard = queriedInvoiceNumbers
            .Distinct(StringComparer.Ordinal)
            .ToLookup(number => KeyOf(vendorId, number), StringComparer.Ordinal);
        var counts = await Task.WhenAll(Enumerable.Range(0, ShardCount).Select(shard =>
        {
            var key = VendorScopedKey.Format(vendorId, shard.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return grains.GetGrainCached<IVendorLedgerGrain>(key).CountIssuedAsync(first, last, [.. queriedByShard[key]]);
        }));
        return new IssuedInvoiceCount(counts.Sum(count => count.Issued), counts.Sum(count => count.Queried));
    }

    /// <summary>Applies an invoice's new state.</summary>
    [Alias("ApplyInvoice")]
    Task ApplyInvoiceAsync(InvoiceSnapshot invoice);

    /// <summary>
    /// Counts this shard's invoices issued from <paramref name="first"/> to <paramref name="last"/> inclusive, void ones
    /// excluded, and how many of them are in <paramref name="queriedInvoiceNumbers"/>.
    /// </summary>
    [Alias("CountIssued")]
    Task<IssuedInvoiceCount> CountIssuedAsync(DateOnly first, DateOnly last, IReadOnlyList<string> queriedInvoiceNumbers);

    /// <summary>Returns this shard's totals per currency.</summary>
    [Alias("GetFigures")]
    Task<IReadOnlyList<VendorCurrencyFigures>> GetFiguresAsync();
}
