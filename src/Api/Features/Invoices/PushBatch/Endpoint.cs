using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.Vendors;

namespace TermSync.Api.Features.Invoices.PushBatch;

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/vendors/{vendorId}/invoices/batch");
        Summary(summary =>
        {
            summary.Summary = "Push a batch of invoices";
            summary.Description = "Issues new invoices and amends ones pushed before (matched by invoice number). Each invoice gets its own result, and an " +
                "invalid one is rejected with its errors without blocking the others. A batch of more than 1000 invoices is rejected whole with 413. " +
                "A 200 means every invoice that is not 'rejected' is stored in PostgreSQL and counted in its customer's statement.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var invoices = request.Invoices!;
        if (invoices.Count > Request.MaxInvoices)
        {
            await Send.ResultAsync(TypedResults.Problem(
                $"The batch has {invoices.Count} invoices; the limit is {Request.MaxInvoices}. Split it into batches of at most {Request.MaxInvoices}.",
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "The batch is too large."));
            return;
        }

        if (await cluster.GetGrainCached<IVendorGrain>(request.VendorId).GetProfileAsync() is null)
        {
            await Send.ResultAsync(Problems.VendorNotFound(request.VendorId));
            return;
        }

        var issued = await new InvoiceBatchIssuer(cluster).IssueAsync(request.VendorId, invoices, cancellationToken);

        var results = issued.Select((result, index) => ToResult(index, invoices[index], result)).ToList();
        await Send.OkAsync(
            new Response(
                results,
                results.Count(result => result.Outcome == "created"),
                results.Count(result => result.Outcome == "updated"),
                results.Count(result => result.Outcome == "unchanged"),
                results.Count(result => result.Outcome == "rejected")),
            cancellationToken);
    }

    private static InvoiceResult ToResult(int index, InvoiceInput input, InvoiceIssueResult result)
    {
        var errors = result.Errors.Count == 0
            ? null
            : result.Errors.Select(error => new ItemError(FieldPath(index, error.Field), error.Value, error.Reason)).ToList();
        return new InvoiceResult(index, input.InvoiceNumber, result.Outcome.ToString().ToLowerInvariant(), result.Invoice?.Version, result.CustomerId, errors);
    }

    private static string FieldPath(int index, string field) => field.Length == 0 ? $"invoices[{index}]" : $"invoices[{index}].{field}";
}
