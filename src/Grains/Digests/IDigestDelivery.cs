namespace TermSync.Grains.Digests;

/// <summary>Hands rendered digests to the customer. Delivering the same digest id twice replaces the first copy.</summary>
public interface IDigestDelivery
{
    /// <summary>Delivers the digest and returns where it went (for the outbox, the path of the HTML part).</summary>
    Task<string> DeliverAsync(DigestMessage message, CancellationToken cancellationToken);
}
