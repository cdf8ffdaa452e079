using System.Net;
using System.Text;
using TermSync.Conversations;
using TermSync.Grains.Digests;

namespace TermSync.Grains.Conversations.Notifications;

/// <summary>
/// Builds the emails about a conversation: to the vendor's contact when the customer writes or a reply is overdue, and
/// to the customer when the vendor replies or resolves. They go through the digest delivery, so they use the same SMTP
/// server or outbox, and carry no unsubscribe header because they answer the recipient's own conversation.
/// </summary>
internal static class ConversationNotice
{
    /// <summary>Returns the email to the vendor about the event.</summary>
    public static DigestMessage ForVendor(ConversationEvent conversationEvent, string vendorEmail, string customerName)
    {
        var conversation = conversationEvent.Conversation;
        var invoices = string.Join(", ", conversation.Invoices.Select(invoice => invoice.InvoiceNumber));
        var subject = conversationEvent.Type switch
        {
            VendorEventType.QuestionOpened => $"Question from {customerName} about {invoices}",
            VendorEventType.DisputeOpened => $"Dispute from {customerName} about {invoices} ({conversation.Reason})",
            VendorEventType.CustomerReplied => $"{customerName} replied about {invoices}",
            VendorEventType.SlaBreached => $"Reply overdue: {customerName} is waiting about {invoices}",
            _ => throw new ArgumentOutOfRangeException(nameof(conversationEvent), conversationEvent.Type, "Not an event for the vendor."),
        };

        var lines = new List<string>
        {
            $"Customer: {customerName} (account {conversation.AccountNumber})",
            $"Conversation: {conversation.ConversationId}",
            $"Invoices: {invoices}",
        };
        lines.AddRange(conversation.Invoices
            .Where(invoice => invoice.DisputedAmount is not null)
            .Select(invoice => $"Disputed on {invoice.InvoiceNumber}: {invoice.DisputedAmount}"));
        if (conversationEvent.Type == VendorEventType.SlaBreached)
        {
            lines.Add($"Opened at {conversation.OpenedAt:u}; the first reply was due at {conversation.SlaDueAt:u}.");
        }

        var message = conversation.Messages[^1];
        lines.Add(string.Empty);
        lines.Add($"{message.AuthorName}{(message.RecordedByStaff ? " (recorded by staff)" : string.Empty)} wrote:");
        lines.Add(message.Text);
        lines.Add(string.Empty);
        lines.Add($"Reply through the TermSync API: POST /vendors/{conversation.VendorId}/conversations/{conversation.ConversationId}/messages");
        return Build(conversationEvent, $"vendor-{conversation.VendorId}", vendorEmail, subject, lines);
    }

    /// <summary>Returns the email to the customer about the vendor's reply or resolution.</summary>
    public static DigestMessage ForCustomer(ConversationEvent conversationEvent, string? customerEmail, string vendorName, string threadUrl)
    {
        var conversation = conversationEvent.Conversation;
        var invoices = string.Join(", ", conversation.Invoices.Select(invoice => invoice.InvoiceNumber));
        var subject = conversationEvent.Type == VendorEventType.Resolved
            ? $"{vendorName} closed your {Describe(conversation.Kind)} about {invoices}: {Describe(conversation.Outcome)}"
            : $"{vendorName} replied to your {Describe(conversation.Kind)} about {invoices}";

        var lines = new List<string>();
        if (conversation.Messages[^1] is { Author: Party.Vendor } message)
        {
            lines.Add($"{message.AuthorName} of {vendorName} wrote:");
            lines.Add(message.Text);
            lines.Add(string.Empty);
        }

        if (conversationEvent.Type == VendorEventType.Resolved)
        {
            lines.Add($"Outcome: {Describe(conversation.Outcome)}{(conversation.OutcomeReference is { } reference ? $" ({reference})" : string.Empty)}.");
            lines.Add("The invoices return to your next digest if anything is still owed on them.");
        }

        lines.Add($"Read the conversation and reply: {threadUrl}");
        return Build(conversationEvent, conversation.CustomerId, customerEmail, subject, lines);
    }

    private static DigestMessage Build(ConversationEvent conversationEvent, string folder, string? to, string subject, IReadOnlyList<string> lines)
    {
        var text = string.Join('\n', lines) + "\n";
        var html = new StringBuilder("<!DOCTYPE html>\n<html><body>\n");
        foreach (var line in lines)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>\n");
        }

        html.Append("</body></html>\n");
        var key = $"notice-{conversationEvent.EventId}";
        return new DigestMessage(key, folder, key, to, subject, html.ToString(), text, UnsubscribeUrl: string.Empty);
    }

    private static string Describe(ConversationKind kind) => kind == ConversationKind.Dispute ? "dispute" : "question";

    private static string Describe(ResolutionOutcome? outcome) => outcome switch
    {
        ResolutionOutcome.Answered => "answered",
        ResolutionOutcome.CreditIssued => "credit issued",
        ResolutionOutcome.InvoiceCorrected => "invoice corrected",
        ResolutionOutcome.DisputeRejected => "dispute rejected",
        ResolutionOutcome.Withdrawn => "withdrawn",
        _ => "open",
    };
}
