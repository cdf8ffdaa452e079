using TermSync.Digests;

namespace TermSync.Api.Features.Digests;

/// <summary>
/// One vendor's view of a customer's digest: only that vendor's invoices, and nothing that reveals which
/// other vendors bill the customer.
/// </summary>
/// <param name="RequestedByYou">Whether this vendor asked for the digest through the API.</param>
/// <param name="DeliveryDetail">The mail server's reply when delivery failed or was rejected, such as an unknown mailbox.</param>
public sealed record VendorDigestView(
    string DigestId,
    string Period,
    DigestReason Reason,
    bool RequestedByYou,
    DateOnly AsOf,
    DateTimeOffset CreatedAt,
    DeliveryStatus Delivery,
    int Attempts,
    string? DeliveryDetail,
    DateTimeOffset? DeliveredAt,
    IReadOnlyList<DigestLine> Lines)
{
    /// <summary>Returns the vendor's view of a digest, or null when the digest showed none of its invoices.</summary>
    public static VendorDigestView? For(string vendorId, DigestRecord record)
    {
        var lines = record.Lines.Where(line => line.VendorId == vendorId).ToList();
        if (lines.Count == 0)
        {
            return null;
        }

        return new VendorDigestView(
            record.DigestId,
            record.Period,
            record.Reason,
            record.RequestedBy == vendorId,
            record.AsOf,
            record.CreatedAt,
            record.Delivery,
            record.Attempts,
            record.DeliveryDetail,
            record.DeliveredAt,
            lines);
    }
}
