namespace TermSync.Grains.Digests;

/// <summary>A rendered digest ready for delivery.</summary>
/// <param name="DigestId">Customer id and key; SMTP delivery derives the Message-ID from it, so a resend keeps it.</param>
/// <param name="Key">Unique per customer and safe as a file name; the outbox names the files after it.</param>
/// <param name="To">The customer's accounts-payable mailbox, or null when no vendor gave one.</param>
/// <param name="UnsubscribeUrl">Signed one-click unsubscribe address for the List-Unsubscribe header.</param>
public sealed record DigestMessage(
    string DigestId,
    string CustomerId,
    string Key,
    string? To,
    string Subject,
    string Html,
    string Text,
    string UnsubscribeUrl);
