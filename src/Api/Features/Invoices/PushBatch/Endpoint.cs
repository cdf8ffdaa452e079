using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.Invoices;
using TermSync.Vendors;

namespace TermSync.Api.Features.Invoices.PushBatch;

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, Response>
{
    // Invoice grains of one batch run in parallel; this bounds the calls one request keeps in flight.
    private const int MaxConcurrentInvoices = 64;

    public override void Configure()
    {
        Post("/vendors/{vendorId}/invoices/batch");
        AllowAnonymous();
        Summary(summary =>
        {
            summary.Summary = "Push a batch of invoices";
            summary.Description = "Issues new invoices and updates ones pushed before. The whole batch is validated first, so invalid input writes nothing. " +
                "A 200 means every invoice whose outcome is not 'rejected' is stored in PostgreSQL and counted in its customer's statement.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        if (await cluster.GetGrain<IVendorGrain>(request.VendorId).GetProfileAsync() is null)
        {
            await Send.ResultAsync(Problems.VendorNotFound(request.VendorId));
            return;
        }

        var results = new InvoiceResult[request.Invoices!.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, results.Length),
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentInvoices, CancellationToken = cancellationToken },
            async (index, _) => results[index] = await IssueAsync(request.VendorId, request.Invoices[index]));

        await Send.OkAsync(
            new Response(
                results,
                results.Count(result => result.Outcome == "created"),
                results.Count(result => result.Outcome == "updated"),
                results.Count(result => result.Outcome == "unchanged"),
                results.Count(result => result.Outcome == "rejected")),
            cancellationToken);
    }

    private async Task<InvoiceResult> IssueAsync(string vendorId, InvoiceInput input)
    {
        var customer = new CustomerReference(input.Customer!.Id!, input.Customer.Name!, input.Customer.Email);
        var draft = new InvoiceDraft(customer, input.Currency!, input.Amount!.Value, input.IssueDate!.Value, input.DueDate!.Value);
        var result = await cluster.GetGrain<IInvoiceGrain>(InvoiceKey.Format(vendorId, input.InvoiceNumber!)).IssueAsync(draft);

        return result.Status == InvoiceCommandStatus.Conflict
            ? new InvoiceResult(input.InvoiceNumber!, "rejected", result.Invoice?.Version, result.Error)
            : new InvoiceResult(input.InvoiceNumber!, result.Outcome!.Value.ToString().ToLowerInvariant(), result.Invoice!.Version, null);
    }
}
