using TermSync.Digests;

namespace TermSync.Grains.Digests;

/// <summary>Hands rendered digests to the customer. Delivering the same digest id twice keeps its message id.</summary>
public interface IDigestDelivery
{
    /// <summary>Delivers the digest, retrying passing failures, and returns the outcome; it does not throw for a failed delivery.</summary>
    Task<DeliveryResult> DeliverAsync(DigestMessage message, CancellationToken cancellationToken);
}

/// <summary>The outcome of a delivery.</summary>
/// <param name="Status"><see cref="DeliveryStatus.Delivered"/>, <see cref="DeliveryStatus.Failed"/> or <see cref="DeliveryStatus.Rejected"/>.</param>
/// <param name="Attempts">Attempts made by this call.</param>
/// <param name="Detail">The server's reply or the error of the last failed attempt.</param>
/// <param name="Location">Where the digest went: the Message-ID, or the outbox path of the HTML part.</param>
public sealed record DeliveryResult(DeliveryStatus Status, int Attempts, string? Detail, string? Location);
