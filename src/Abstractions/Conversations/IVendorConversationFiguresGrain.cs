namespace TermSync.Conversations;

/// <summary>
/// A vendor's response-time and dispute-rate figures, keyed by vendor id. It keeps the newest version of each
/// conversation's summary, fed by the vendor's conversation stream or by <see cref="ApplyAsync"/>.
/// </summary>
[Alias("termsync.IVendorConversationFiguresGrain")]
public interface IVendorConversationFiguresGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores the conversation of <paramref name="conversationEvent"/> unless a version at least as new is stored, then
    /// acknowledges the event to the conversation as <see cref="ConversationStreams.Consumers.Figures"/>. Repeating an
    /// event changes nothing but acknowledges it again.
    /// </summary>
    [Alias("Apply")]
    Task ApplyAsync(ConversationEvent conversationEvent);

    /// <summary>Computes the response-time figures over the <paramref name="windowDays"/> dates ending with <paramref name="asOf"/>.</summary>
    [Alias("GetResponseTime")]
    Task<ResponseTimeFigures> GetResponseTimeAsync(DateOnly asOf, int windowDays);

    /// <summary>Computes the dispute rate and invoice accuracy over the <paramref name="windowDays"/> dates ending with <paramref name="asOf"/>.</summary>
    [Alias("GetInvoiceAccuracy")]
    Task<InvoiceAccuracyFigures> GetInvoiceAccuracyAsync(DateOnly asOf, int windowDays);

    /// <summary>
    /// Returns up to <paramref name="limit"/> conversations, open ones only when <paramref name="openOnly"/> is true:
    /// those still waiting for a first reply first, oldest first, then the rest, newest first.
    /// </summary>
    [Alias("List")]
    Task<IReadOnlyList<ConversationListItem>> ListAsync(bool openOnly, int limit);

    /// <summary>
    /// Returns the conversations of <paramref name="customerId"/> that name <paramref name="invoiceNumber"/>, open and
    /// resolved, newest first. Like <see cref="ListAsync"/>, it trails the commands by a moment.
    /// </summary>
    [Alias("ListForInvoice")]
    Task<IReadOnlyList<ConversationListItem>> ListForInvoiceAsync(string customerId, string invoiceNumber);
}
