using System.Globalization;
using System.Net;
using System.Text;
using TermSync.Customers;
using TermSync.Digests;
using TermSync.Money;

namespace TermSync.Grains.Digests;

/// <summary>
/// Renders a statement as the bundled digest: owed invoices grouped by vendor with pay and ask links, then the
/// invoices under review, then totals per currency. Every text that comes from a vendor is HTML-encoded.
/// </summary>
public static class DigestRenderer
{
    public static DigestMessage Render(CustomerStatement statement, string period, string publicBaseUrl)
    {
        var links = new DigestLinks(publicBaseUrl, statement.CustomerId);
        var vendorCount = statement.Vendors.Count;
        var subject = $"Your open invoices from {vendorCount} {(vendorCount == 1 ? "vendor" : "vendors")} as of {statement.AsOf:yyyy-MM-dd}";

        return new DigestMessage(
            DigestPeriod.DigestId(statement.CustomerId, period),
            statement.CustomerId,
            period,
            statement.Email,
            subject,
            RenderHtml(statement, subject, links),
            RenderText(statement, subject, links));
    }

    private static string RenderHtml(CustomerStatement statement, string subject, DigestLinks links)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(Encode(subject)).Append("</title></head><body>\n")
            .Append("<h1>").Append(Encode(subject)).Append("</h1>\n")
            .Append("<p>Hello ").Append(Encode(statement.Name ?? statement.CustomerId)).Append(", this is one summary of what you owe every vendor on the network.</p>\n");

        foreach (var vendor in statement.Vendors)
        {
            var owed = vendor.Invoices.Where(line => !line.Disputed).ToList();
            if (owed.Count == 0)
            {
                continue;
            }

            html.Append("<h2>").Append(Encode(vendor.VendorName)).Append("</h2>\n<table>\n")
                .Append("<tr><th>Invoice</th><th>Issued</th><th>Due</th><th>Open amount</th><th>Status</th><th>Actions</th></tr>\n");
            foreach (var line in owed)
            {
                html.Append("<tr><td>").Append(Encode(line.InvoiceNumber)).Append("</td><td>")
                    .Append(FormatDate(line.IssueDate)).Append("</td><td>").Append(FormatDate(line.DueDate)).Append("</td><td>")
                    .Append(FormatMoney(line.OpenAmount, line.Currency)).Append("</td><td>").Append(Status(line)).Append("</td><td>")
                    .Append("<a href=\"").Append(Encode(links.Pay(vendor.VendorId, line.InvoiceNumber))).Append("\">Pay</a> ")
                    .Append("<a href=\"").Append(Encode(links.Ask(vendor.VendorId, line.InvoiceNumber))).Append("\">Ask a question</a>")
                    .Append("</td></tr>\n");
            }

            html.Append("</table>\n");
            foreach (var total in vendor.Totals)
            {
                html.Append("<p>Owed to ").Append(Encode(vendor.VendorName)).Append(": ").Append(FormatMoney(total.OwedAmount, total.Currency)).Append("</p>\n");
            }
        }

        var underReview = UnderReview(statement).ToList();
        if (underReview.Count > 0)
        {
            html.Append("<h2>Under review</h2>\n<p>Disputed invoices are not part of the amount owed until the vendor resolves them.</p>\n<ul>\n");
            foreach (var (vendor, line) in underReview)
            {
                html.Append("<li>").Append(Encode(vendor.VendorName)).Append(", invoice ").Append(Encode(line.InvoiceNumber)).Append(": ")
                    .Append(FormatMoney(line.OpenAmount, line.Currency)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("<h2>Totals</h2>\n<table>\n<tr><th>Currency</th><th>Owed</th><th>Past due</th><th>Under review</th></tr>\n");
        foreach (var total in statement.Totals)
        {
            html.Append("<tr><td>").Append(total.Currency).Append("</td><td>").Append(FormatMoney(total.OwedAmount, total.Currency))
                .Append("</td><td>").Append(FormatMoney(total.PastDueAmount, total.Currency))
                .Append("</td><td>").Append(FormatMoney(total.DisputedAmount, total.Currency)).Append("</td></tr>\n");
        }

        return html.Append("</table>\n</body></html>\n").ToString();
    }

    private static string RenderText(CustomerStatement statement, string subject, DigestLinks links)
    {
        var text = new StringBuilder();
        text.Append(subject).Append("\n\n");
        foreach (var vendor in statement.Vendors)
        {
            var owed = vendor.Invoices.Where(line => !line.Disputed).ToList();
            if (owed.Count == 0)
            {
                continue;
            }

            text.Append(vendor.VendorName).Append('\n');
            foreach (var line in owed)
            {
                text.Append("  Invoice ").Append(line.InvoiceNumber).Append(", due ").Append(FormatDate(line.DueDate)).Append(", ")
                    .Append(FormatMoney(line.OpenAmount, line.Currency)).Append(", ").Append(Status(line)).Append('\n')
                    .Append("    Pay: ").Append(links.Pay(vendor.VendorId, line.InvoiceNumber)).Append('\n')
                    .Append("    Ask a question: ").Append(links.Ask(vendor.VendorId, line.InvoiceNumber)).Append('\n');
            }

            text.Append('\n');
        }

        var underReview = UnderReview(statement).ToList();
        if (underReview.Count > 0)
        {
            text.Append("Under review (not part of the amount owed)\n");
            foreach (var (vendor, line) in underReview)
            {
                text.Append("  ").Append(vendor.VendorName).Append(", invoice ").Append(line.InvoiceNumber).Append(": ")
                    .Append(FormatMoney(line.OpenAmount, line.Currency)).Append('\n');
            }

            text.Append('\n');
        }

        text.Append("Totals\n");
        foreach (var total in statement.Totals)
        {
            text.Append("  ").Append(total.Currency).Append(": owed ").Append(FormatMoney(total.OwedAmount, total.Currency))
                .Append(", past due ").Append(FormatMoney(total.PastDueAmount, total.Currency))
                .Append(", under review ").Append(FormatMoney(total.DisputedAmount, total.Currency)).Append('\n');
        }

        return text.ToString();
    }

    private static IEnumerable<(VendorStatement Vendor, StatementLine Line)> UnderReview(CustomerStatement statement) =>
        statement.Vendors.SelectMany(vendor => vendor.Invoices.Where(line => line.Disputed).Select(line => (vendor, line)));

    private static string Status(StatementLine line) =>
        line.PastDue ? $"Past due {line.DaysPastDue} {(line.DaysPastDue == 1 ? "day" : "days")}" : "Not yet due";

    private static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string FormatMoney(decimal amount, string currency) =>
        $"{amount.ToString($"N{Currencies.GetMinorUnitDigits(currency)}", CultureInfo.InvariantCulture)} {currency}";

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
