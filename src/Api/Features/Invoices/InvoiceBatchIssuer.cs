using System.Collections.Concurrent;
using TermSync.Accounts;
using TermSync.Api.Infrastructure;
using TermSync.Invoices;

namespace TermSync.Api.Features.Invoices;

/// <summary>
/// Issues a batch of one vendor's invoices, whatever format they arrived in: validates each invoice with
/// <see cref="InvoiceInputValidator"/>, links each customer account once, and issues the valid invoices in
/// parallel. Each invoice gets its own result, so an invalid one does not block the others. The caller checks
/// that the vendor exists and limits the batch size.
/// </summary>
public sealed class InvoiceBatchIssuer(IClusterClient cluster)
{
    /// <summary>
    /// Maximum grain calls one batch keeps in flight: all of a full batch, so the grains' state writes reach the
    /// group-commit storage together and share statements.
    /// </summary>
    public const int MaxConcurrentCalls = 1000;

    private static readonly InvoiceInputValidator ItemValidator = new();

    /// <summary>Issues <paramref name="invoices"/> and returns one result per invoice, in the same order.</summary>
    public async Task<IReadOnlyList<InvoiceIssueResult>> IssueAsync(string vendorId, IReadOnlyList<InvoiceInput> invoices, CancellationToken cancellationToken)
    {
        var results = new InvoiceIssueResult?[invoices.Count];
        var valid = ValidateItems(invoices, results);
        var customerIds = await LinkAccountsAsync(vendorId, [.. valid.Select(index => invoices[index])], cancellationToken);

        await Parallel.ForEachAsync(
            valid,
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentCalls, CancellationToken = cancellationToken },
            async (index, _) =>
            {
                var input = invoices[index];
                var customerId = customerIds[input.Customer!.AccountNumber!];
                var grain = cluster.GetGrainCached<IInvoiceGrain>(InvoiceKey.Format(vendorId, input.InvoiceNumber!));
                var result = await grain.IssueAsync(input.ToDraft(customerId));
                results[index] = result.Status == InvoiceCommandStatus.Conflict
                    ? new InvoiceIssueResult(InvoiceIssueOutcome.Rejected, result.Invoice, result.Invoice?.Customer.Id, [new InvoiceInputError("", input.InvoiceNumber, result.Error!)])
                    : new InvoiceIssueResult(ToOutcome(result.Outcome!.Value), result.Invoice, customerId, []);
            });

        return [.. results.Select(result => result!)];
    }

    /// <summary>Validates every item, fills the results of invalid ones, and returns the indexes of the valid ones.</summary>
    private static List<int> ValidateItems(IReadOnlyList<InvoiceInput> invoices, InvoiceIssueResult?[] results)
    {
        var valid = new List<int>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < invoices.Count; index++)
        {
            var input = invoices[index];
            var errors = ItemValidator.Validate(input).Errors
                .Select(error => new InvoiceInputError(JsonPath.CamelCase(error.PropertyName), JsonPath.FormatValue(error.AttemptedValue), error.ErrorMessage))
                .ToList();
            if (errors.Count == 0 && !seen.Add(input.InvoiceNumber!))
            {
                errors.Add(new InvoiceInputError("invoiceNumber", input.InvoiceNumber, "The invoice number appears earlier in this batch; send each invoice once per batch."));
            }

            if (errors.Count > 0)
            {
                results[index] = new InvoiceIssueResult(InvoiceIssueOutcome.Rejected, null, null, errors);
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

        var customerIds = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            accounts,
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentCalls, CancellationToken = cancellationToken },
            async (account, _) => customerIds[account.Account] = await cluster
                .GetGrainCached<ICustomerAccountGrain>(VendorScopedKey.Format(vendorId, account.Account))
                .UpsertAsync(account.Contact, account.Numbers));
        return new Dictionary<string, string>(customerIds, StringComparer.Ordinal);
    }

    private static InvoiceIssueOutcome ToOutcome(WriteOutcome outcome) => outcome switch
    {
        WriteOutcome.Created => InvoiceIssueOutcome.Created,
        WriteOutcome.Updated => InvoiceIssueOutcome.Updated,
        _ => InvoiceIssueOutcome.Unchanged,
    };
}
