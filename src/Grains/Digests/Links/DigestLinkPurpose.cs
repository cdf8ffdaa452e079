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
}
