using System.Globalization;
using System.Text;
using TermSync.Conversations;
using TermSync.Grains.Digests;
using TermSync.Invoices;

namespace TermSync.Api.Features.Links;

/// <summary>The body of a conversation's thread page, in the customer's language and time zone.</summary>
internal static class ConversationPage
{
    public static string Title(ConversationView conversation) =>
        conversation.Kind == ConversationKind.Dispute ? "Your dispute" : "Your question";

    /// <summary>
    /// Returns the page body: status, invoices, messages in order, and the reply and withdrawal forms while the
    /// conversation is open. The forms post to "{<paramref name="actionPrefix"/>}messages" and "…withdrawal", so the
    /// caller passes "conversation/" from the page itself and "" from a page its forms returned.
    /// </summary>
    public static string Render(ConversationLinkTarget target, string token, string actionPrefix, ReplyForm reply, IReadOnlyList<string> errors, TimeProvider time)
    {
        var (conversation, vendor, invoices) = target;
        var customer = invoices.FirstOrDefault()?.Customer;
        var format = DigestFormatter.For(customer?.Language);
        var zone = customer?.TimeZone is { } zoneId && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;

        var html = new StringBuilder("<dl>")
            .Append($"<dt>Vendor</dt><dd>{LinkPage.Encode(vendor.Name)}</dd>")
            .Append($"<dt>Kind</dt><dd>{(conversation.Kind == ConversationKind.Dispute ? "Dispute" : "Question")}</dd>");
        if (conversation.Reason is { } reason)
        {
            html.Append($"<dt>Reason</dt><dd>{LinkPage.Encode(AskForm.Reasons.First(item => item.Reason == reason).Label)}</dd>");
        }

        html.Append($"<dt>Status</dt><dd>{LinkPage.Encode(StatusText(conversation))}</dd></dl>\n");
        AppendInvoices(html, conversation, invoices, format, LinkDates.Today(time, customer?.TimeZone));
        AppendMessages(html, conversation, vendor.Name, format, zone);
        if (conversation.Status == ConversationStatus.Resolved)
        {
            AskPage.AppendErrors(html, errors);
            html.Append("<p>This conversation is closed. To raise something new, use the ask link of the invoice in your newest digest.</p>");
            return html.ToString();
        }

        html.Append("<h2>Reply</h2>\n");
        AskPage.AppendErrors(html, errors);
        html.Append($"<form method=\"post\" action=\"{actionPrefix}messages\">\n")
            .Append(AskPage.Hidden("token", token)).Append(AskPage.Hidden("messageId", reply.MessageId))
            .Append($"<p><label for=\"authorName\">Your name</label> <input id=\"authorName\" name=\"authorName\" maxlength=\"200\" required value=\"{LinkPage.Encode(reply.AuthorName)}\"></p>\n")
            .Append($"<p><label for=\"text\">Message</label><br><textarea id=\"text\" name=\"text\" rows=\"6\" cols=\"60\" maxlength=\"5000\" required>{LinkPage.Encode(reply.Text)}</textarea></p>\n")
            .Append($"<button type=\"submit\">Send to {LinkPage.Encode(vendor.Name)}</button>\n</form>\n")
            .Append("<h2>Withdraw</h2>\n<p>Withdraw if the matter is settled; the invoices then return to the amount you owe.</p>\n")
            .Append($"<form method=\"post\" action=\"{actionPrefix}withdrawal\">\n").Append(AskPage.Hidden("token", token))
            .Append($"<p><label for=\"withdrawName\">Your name</label> <input id=\"withdrawName\" name=\"authorName\" maxlength=\"200\" required value=\"{LinkPage.Encode(reply.AuthorName)}\"></p>\n")
            .Append("<button type=\"submit\">Withdraw</button>\n</form>");
        return html.ToString();
    }

    private static string StatusText(ConversationView conversation) => conversation.Outcome switch
    {
        null => conversation.FirstResponseAt is null ? "Open, waiting for the vendor" : "Open",
        ResolutionOutcome.Answered => "Answered",
        ResolutionOutcome.CreditIssued => $"Resolved: credit note {conversation.OutcomeReference} issued",
        ResolutionOutcome.InvoiceCorrected => $"Resolved: invoice {conversation.OutcomeReference} corrected",
        ResolutionOutcome.DisputeRejected => "Resolved: the vendor stands by the charge",
        ResolutionOutcome.Withdrawn => "Withdrawn by you",
        _ => "Resolved",
    };

    private static void AppendInvoices(StringBuilder html, ConversationView conversation, IReadOnlyList<InvoiceSnapshot> invoices, DigestFormatter format, DateOnly today)
    {
        html.Append("<h2>Invoices</h2>\n<table>\n<tr><th>Invoice</th><th>Due</th><th>Open amount</th><th>Under review</th></tr>\n");
        foreach (var item in conversation.Invoices)
        {
            html.Append("<tr><td>").Append(LinkPage.Encode(item.InvoiceNumber)).Append("</td>");
            if (invoices.FirstOrDefault(invoice => invoice.InvoiceNumber == item.InvoiceNumber) is { } invoice)
            {
                var due = invoice.IsOpen ? $"{format.FormatDate(invoice.DueDate)} ({DigestFormatter.DueStatus(invoice.DueDate, today)})" : format.FormatDate(invoice.DueDate);
                html.Append("<td>").Append(LinkPage.Encode(due))
                    .Append("</td><td>").Append(LinkPage.Encode(format.FormatAmount(invoice.OpenAmount, invoice.Currency)))
                    .Append("</td><td>").Append(LinkPage.Encode(format.FormatAmount(invoice.DisputedAmount, invoice.Currency)))
                    .Append("</td></tr>\n");
            }
            else
            {
                html.Append("<td colspan=\"3\">No longer billed to you</td></tr>\n");
            }
        }

        html.Append("</table>\n");
    }

    private static void AppendMessages(StringBuilder html, ConversationView conversation, string vendorName, DigestFormatter format, TimeZoneInfo zone)
    {
        html.Append("<h2>Messages</h2>\n<ol>\n");
        foreach (var message in conversation.Messages)
        {
            var side = message.Author == Party.Customer ? "you" : vendorName;
            var local = TimeZoneInfo.ConvertTime(message.SentAt, zone);
            var staffNote = message.RecordedByStaff ? ", recorded by the vendor's staff" : "";
            html.Append("<li><p><strong>").Append(LinkPage.Encode(message.AuthorName)).Append("</strong> (")
                .Append(LinkPage.Encode(side)).Append(LinkPage.Encode(staffNote)).Append("), ")
                .Append($"<time datetime=\"{message.SentAt.ToString("O", CultureInfo.InvariantCulture)}\">")
                .Append(LinkPage.Encode($"{local.ToString("f", format.Culture)} {zone.Id}")).Append("</time></p>\n")
                .Append("<p style=\"white-space: pre-wrap\">").Append(LinkPage.Encode(message.Text)).Append("</p></li>\n");
        }

        html.Append("</ol>\n");
    }
}
