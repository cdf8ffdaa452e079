using FastEndpoints;
using TermSync.Accounts;
using TermSync.Api.Infrastructure;
using TermSync.Invoices;

namespace TermSync.Api.Features.Invoices.Amend;

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, InvoiceResponse>
{
    public override void Configure()
    {
        Put("/vendors/{vendorId}/invoices/{invoiceNumber}");
        Summary(summary =>
        {
            summary.Summary = "Amend an invoice";
            summary.Description = "Replaces the invoice's amount, dates, terms and customer. With If-Match (the ETag of a read), a change based on an older " +
                "version gets 412. The amount may not fall below what was paid, credited and written off (409). An unknown invoice is 404; push new ones in a batch.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var invoiceNumber = InvoiceRoute.Decode(request.InvoiceNumber!);
        request.InvoiceNumber = invoiceNumber;
        var invoice = cluster.GetGrainCached<IInvoiceGrain>(InvoiceKey.Format(request.VendorId, invoiceNumber));
        if (await invoice.GetAsync() is null)
        {
            await Send.ResultAsync(Problems.InvoiceNotFound(request.VendorId, invoiceNumber));
            return;
        }

        var account = cluster.GetGrainCached<ICustomerAccountGrain>(VendorScopedKey.Format(request.VendorId, request.Customer!.AccountNumber!));
        var customerId = await account.UpsertAsync(request.ToContact(), [invoiceNumber]);
        int? expected = IfMatch.TryParse(request.IfMatch, out var version) ? version : null;

        var result = await invoice.IssueAsync(request.ToDraft(customerId), expected);
        await Send.ResultAsync(result.ToHttp(HttpContext, request.VendorId, invoiceNumber));
    }
}
