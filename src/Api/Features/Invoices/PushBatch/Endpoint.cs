using FastEndpoints;
using TermSync.Accounts;
using TermSync.Api.Infrastructure;
using TermSync.Invoices;
using TermSync.Vendors;

namespace TermSync.Api.Features.Invoices.PushBatch;

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, Response>
{
    // Invoice grains of one batch run in parallel; this bounds the calls one request keeps in flight.
    private const int MaxConcurrentCalls = 64;

    private static readonly InvoiceInputValidator ItemValidator = new();

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

        if (await cluster.GetGrain<IVendorGrain>(request.VendorId).GetProfileAsync() is null)
        {
            await Send.ResultAsync(Problems.VendorNotFound(request.VendorId));
            return;
        }

        var results = new InvoiceResult?[invoices.Count];
        var valid = ValidateItems(invoices, results);
        var customerIds = await LinkAccountsAsync(request.VendorId, valid.Select(index => invoices[index]).ToList(), cancellationToken);

        await Parallel.ForEachAsync(
            valid,
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentCalls, CancellationToken = cancellationToken },
            async (index, _) =>
            {
                var input = invoices[index];
                var customerId = customerIds[input.Customer!.AccountNumber!];
                var result = await cluster.GetGrain<IInvoiceGrain>(InvoiceKey.Format(request.VendorId, input.InvoiceNumber!)).IssueAsync(input.ToDraft(customerId));
                results[index] = result.Status == InvoiceCommandStatus.Conflict
                    ? new InvoiceResult(index, input.InvoiceNumber, "rejected", result.Invoice?.Version, result.Invoice?.Customer.Id, [new ItemError($"invoices[{index}]", input.InvoiceNumber, result.Error!)])
                    : new InvoiceResult(index, input.InvoiceNumber, result.Outcome!.Value.ToString().ToLowerInvariant(), result.Invoice!.Version, customerId, null);
            });

        var done = results.Select(result => result!).ToList();
        await Send.OkAsync(
            new Response(
                done,
                done.Count(result => result.Outcome == "created"),
                done.Count(result => result.Outcome == "updated"),
                done.Count(result => result.Outcome == "unchanged"),
                done.Count(result => result.Outcome == "rejected")),
            cancellationToken);
    }

    /// <summary>Validates every item, fills the results of invalid ones, and returns the indexes of the valid ones.</summary>
    private static List<int> ValidateItems(List<InvoiceInput> invoices, InvoiceResult?[] results)
    {
        var valid = new List<int>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < invoices.Count; index++)
        {
            var input = invoices[index];
            var errors = ItemValidator.Validate(input).Errors
                .Select(error => new ItemError($"invoices[{index}].{JsonPath.CamelCase(error.PropertyName)}", error.AttemptedValue?.ToString(), error.ErrorMessage))
                .ToList();
            if (errors.Count == 0 && !seen.Add(input.InvoiceNumber!))
            {
                errors.Add(new ItemError($"invoices[{index}].invoiceNumber", input.InvoiceNumber, "The invoice number appears earlier in this batch; send each invoice once per batch."));
            }

            if (errors.Count > 0)
            {
                results[index] = new InvoiceResult(index, input.InvoiceNumber, "rejected", null, null, errors);
            }
            else
            {
                valid.Add(index);
            }
        }

        return valid;
    }

    /// <summary>Creates or updates each customer account of the batch once and returns its network customer id.</summary>
    private async Task<Dictionary<string, string>> LinkAccountsAsync(string vendorId, List<InvoiceInput> invoices, CancellationToken cancellationToken)
    {
        // The last invoice of an account in the batch carries the contact that wins, as if they were sent one by one.
        var accounts = invoices
            .GroupBy(invoice => invoice.Customer!.AccountNumber!, StringComparer.Ordinal)
            .Select(group => (Account: group.Key, Contact: group.Last().ToContact(), Numbers: (IReadOnlyList<string>)[.. group.Select(invoice => invoice.InvoiceNumber!)]))
            .ToList();

        var customerIds = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            accounts,
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentCalls, CancellationToken = cancellationToken },
            async (account, _) => customerIds[account.Account] = await cluster
                .GetGrain<ICustomerAccountGrain>(VendorScopedKey.Format(vendorId, account.Account))
                .UpsertAsync(account.Contact, account.Numbers));
        return new Dictionary<string, string>(customerIds, StringComparer.Ordinal);
    }
}
