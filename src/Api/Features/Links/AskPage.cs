using System.Text;

namespace TermSync.Api.Features.Links;

/// <summary>The body of the ask page: the invoice, the form that opens a question or dispute, and the vendor's address.</summary>
internal static class AskPage
{
    public static string Title(InvoiceLinkTarget target) => $"Ask about invoice {target.Invoice.InvoiceNumber}";

    /// <summary>
    /// Returns the page body. The form posts to "ask", the path of both the page and its POST, so a public base address
    /// with a path prefix keeps working. <paramref name="notice"/> is HTML whose values the caller encoded.
    /// </summary>
    public static string Render(InvoiceLinkTarget target, TimeProvider time, string token, AskForm form, IReadOnlyList<string> errors, string? notice = null)
    {
        var (invoice, vendor) = target;
        var html = new StringBuilder(target.SummaryHtml(time));
        html.Append("\n<h2>Ask a question or dispute a charge</h2>\n");
        if (notice is not null)
        {
            html.Append("<p role=\"status\">").Append(notice).Append("</p>\n");
        }

        AppendErrors(html, errors);
        html.Append("<form method=\"post\" action=\"ask\">\n")
            .Append(Hidden("token", token)).Append(Hidden("nonce", form.Nonce))
            .Append("<fieldset><legend>What would you like to do?</legend>\n")
            .Append(Radio("question", "Ask a question", form.Kind)).Append(Radio("dispute", "Dispute a charge", form.Kind))
            .Append("</fieldset>\n")
            .Append("<p><label for=\"reason\">Dispute reason</label> <select id=\"reason\" name=\"reason\"><option value=\"\">Choose a reason</option>");
        foreach (var (value, _, label) in AskForm.Reasons)
        {
            var selected = value == form.Reason ? " selected" : "";
            html.Append($"<option value=\"{value}\"{selected}>{LinkPage.Encode(label)}</option>");
        }

        html.Append("</select></p>\n")
            .Append($"<p><label for=\"disputedAmount\">Disputed amount in {LinkPage.Encode(invoice.Currency)}, if only part of the charge is wrong</label> ")
            .Append($"<input id=\"disputedAmount\" name=\"disputedAmount\" inputmode=\"decimal\" value=\"{LinkPage.Encode(form.DisputedAmount)}\"></p>\n")
            .Append("<p><label for=\"authorName\">Your name</label> ")
            .Append($"<input id=\"authorName\" name=\"authorName\" maxlength=\"200\" required value=\"{LinkPage.Encode(form.AuthorName)}\"></p>\n")
            .Append("<p><label for=\"text\">Message</label><br>")
            .Append($"<textarea id=\"text\" name=\"text\" rows=\"8\" cols=\"60\" maxlength=\"5000\" required>{LinkPage.Encode(form.Text)}</textarea></p>\n")
            .Append($"<button type=\"submit\">Send to {LinkPage.Encode(vendor.Name)}</button>\n</form>\n");

        var mailTo = LinkPage.MailTo(vendor.ContactEmail, $"Question about invoice {invoice.InvoiceNumber}");
        html.Append($"<p>You can also <a href=\"{LinkPage.Encode(mailTo)}\">write to {LinkPage.Encode(vendor.Name)}</a> at ")
            .Append(LinkPage.Encode(vendor.ContactEmail)).Append(".</p>");
        return html.ToString();
    }

    /// <summary>Appends the messages of a rejected form as a list the screen reader announces.</summary>
    public static void AppendErrors(StringBuilder html, IReadOnlyList<string> errors)
    {
        if (errors.Count == 0)
        {
            return;
        }

        html.Append("<div role=\"alert\"><p>Nothing was sent.</p><ul>");
        foreach (var error in errors)
        {
            html.Append("<li>").Append(LinkPage.Encode(error)).Append("</li>");
        }

        html.Append("</ul></div>\n");
    }

    public static string Hidden(string name, string? value) => $"<input type=\"hidden\" name=\"{name}\" value=\"{LinkPage.Encode(value)}\">\n";

    private static string Radio(string value, string label, string? chosen)
    {
        var isChecked = value == chosen ? " checked" : "";
        return $"<label><input type=\"radio\" name=\"kind\" value=\"{value}\"{isChecked}> {label}</label>\n";
    }
}
