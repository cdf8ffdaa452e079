using System.Text;
using TermSync.Customers;
using TermSync.Grains.Digests;
using TermSync.Grains.Digests.Links;

namespace TermSync.Api.Features.Links;

public sealed class StatementEndpoint(IClusterClient cluster, DigestLinkSigner signer, TimeProvider time, ILogger<StatementEndpoint> logger)
    : LinkEndpoint<LinkRequest>(signer, logger)
{
    public override void Configure()
    {
        Get("/links/statement");
        DescribePage(
            "Page behind a digest's statement link",
            "Lists the customer's open invoices across all vendors, with totals per currency. The customer comes from the signed token; " +
            "a tampered token gets 400 and an expired one 410.");
    }

    public override async Task HandleAsync(LinkRequest request, CancellationToken cancellationToken)
    {
        if (await VerifyAsync(request.Token, DigestLinkPurpose.Statement, cancellationToken) is not { } claims)
        {
            return;
        }

        var customer = cluster.GetGrain<ICustomerGrain>(claims.CustomerId);
        var statement = await customer.GetStatementAsync(LinkDates.Today(time, null));
        var today = LinkDates.Today(time, statement.TimeZone);
        if (today != statement.AsOf)
        {
            statement = await customer.GetStatementAsync(today);
        }

        await SendPageAsync(StatusCodes.Status200OK, "Your open invoices", Render(statement), cancellationToken);
    }

    private string Render(CustomerStatement statement)
    {
        var format = DigestFormatter.For(statement.Language);
        var html = new StringBuilder();
        html.Append("<p>").Append(LinkPage.Encode(statement.Name ?? statement.CustomerId))
            .Append(": open invoices from all your vendors on TermSync, as of ").Append(LinkPage.Encode(format.FormatDate(statement.AsOf))).Append(".</p>\n");
        var lines = statement.Vendors.SelectMany(vendor => vendor.Invoices.Select(line => (Vendor: vendor, Line: line))).ToList();
        if (lines.Count == 0)
        {
            return html.Append("<p>You have no open invoices.</p>").ToString();
        }

        var expiresAt = Signer.NewExpiry();
        html.Append("<table>\n<tr><th>Vendor</th><th>Invoice</th><th>Issued</th><th>Due</th><th>Open amount</th><th>Status</th><th></th></tr>\n");
        foreach (var (vendor, line) in lines)
        {
            var status = line switch
            {
                { Disputed: true, OwedAmount: <= 0 } => "Under review",
                { Disputed: true } => $"{format.FormatAmount(line.DisputedAmount, line.Currency)} under review; {DigestFormatter.DueStatus(line.DueDate, statement.AsOf)}",
                _ => DigestFormatter.DueStatus(line.DueDate, statement.AsOf),
            };
            var ask = Signer.CreateUrl(new DigestLinkClaims(DigestLinkPurpose.Ask, statement.CustomerId, vendor.VendorId, line.InvoiceNumber, expiresAt));
            var pay = Signer.CreateUrl(new DigestLinkClaims(DigestLinkPurpose.Pay, statement.CustomerId, vendor.VendorId, line.InvoiceNumber, expiresAt));
            html.Append("<tr><td>").Append(LinkPage.Encode(vendor.VendorName))
                .Append("</td><td>").Append(LinkPage.Encode(line.InvoiceNumber))
                .Append("</td><td>").Append(LinkPage.Encode(format.FormatDate(line.IssueDate)))
                .Append("</td><td>").Append(LinkPage.Encode(format.FormatDate(line.DueDate)))
                .Append("</td><td>").Append(LinkPage.Encode(format.FormatAmount(line.OpenAmount, line.Currency)))
                .Append("</td><td>").Append(LinkPage.Encode(status))
                .Append("</td><td>");
            if (line.OwedAmount > 0)
            {
                html.Append("<a href=\"").Append(LinkPage.Encode(pay)).Append("\">Pay</a> · ");
            }

            html.Append("<a href=\"").Append(LinkPage.Encode(ask)).Append("\">Ask a question</a></td></tr>\n");
        }

        html.Append("</table>\n<h2>Totals</h2>\n<table>\n<tr><th>Currency</th><th>Owed</th><th>Of which past due</th><th>Under review</th></tr>\n");
        foreach (var currency in lines.GroupBy(pair => pair.Line.Currency, StringComparer.Ordinal).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            html.Append("<tr><td>").Append(LinkPage.Encode(currency.Key))
                .Append("</td><td>").Append(LinkPage.Encode(format.FormatAmount(currency.Sum(pair => pair.Line.OwedAmount), currency.Key)))
                .Append("</td><td>").Append(LinkPage.Encode(format.FormatAmount(currency.Where(pair => pair.Line.PastDue).Sum(pair => pair.Line.OwedAmount), currency.Key)))
                .Append("</td><td>").Append(LinkPage.Encode(format.FormatAmount(currency.Sum(pair => pair.Line.DisputedAmount), currency.Key)))
                .Append("</td></tr>\n");
        }

        return html.Append("</table>").ToString();
    }
}
