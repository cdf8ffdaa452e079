namespace TermSync.Grains.Digests.Links;

/// <summary>What a signed digest link opens. The value is part of the signed payload, so it never changes.</summary>
public enum DigestLinkPurpose : byte
{
    /// <summary>How to pay one invoice.</summary>
    Pay = 1,

    /// <summary>How to ask the vendor about one invoice.</summary>
    Ask = 2,

    /// <summary>The customer's open invoices across all vendors.</summary>
    Statement = 3,

    /// <summary>Stopping the customer's digests.</summary>
    Unsubscribe = 4,

    /// <summary>Answering a satisfaction survey with one score.</summary>
    Survey = 5,

    /// <summary>One conversation's thread with the vendor; the token's invoice number field carries the conversation id.</summary>
    Conversation = 6,
}
