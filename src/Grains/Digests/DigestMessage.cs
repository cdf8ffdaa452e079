namespace TermSync.Grains.Digests;

/// <summary>A rendered digest ready for delivery.</summary>
/// <param name="To">The customer's accounts-payable mailbox, or null when no vendor gave one.</param>
public sealed record DigestMessage(string DigestId, string CustomerId, string Period, string? To, string Subject, string Html, string Text);
