namespace TermSync.Conversations;

/// <summary>How a conversation ended. After any of them, its invoices return to collection in the next digest.</summary>
[GenerateSerializer, Alias("termsync.ResolutionOutcome")]
public enum ResolutionOutcome
{
    /// <summary>The vendor answered the question.</summary>
    Answered = 0,

    /// <summary>The vendor issued a credit note; the resolution names it.</summary>
    CreditIssued = 1,

    /// <summary>The vendor amended the invoice; the resolution names the invoice version after the amendment.</summary>
    InvoiceCorrected = 2,

    /// <summary>The vendor stands by the charge.</summary>
    DisputeRejected = 3,

    /// <summary>The customer withdrew the question or dispute.</summary>
    Withdrawn = 4,
}
