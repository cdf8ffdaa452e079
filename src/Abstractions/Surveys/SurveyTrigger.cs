namespace TermSync.Surveys;

/// <summary>The event that makes a vendor eligible to survey a customer.</summary>
[GenerateSerializer, Alias("termsync.SurveyTrigger")]
public enum SurveyTrigger
{
    /// <summary>An invoice of the vendor went from open to paid in full by the customer.</summary>
    InvoicePaid = 0,

    /// <summary>A question or dispute with the vendor was resolved.</summary>
    ConversationResolved = 1,
}
