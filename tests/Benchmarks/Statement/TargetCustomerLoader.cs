using TermSync.Importer.Api;

namespace TermSync.Benchmarks.Statement;

/// <summary>Loads the target customer into TermSync through the REST API: registers its vendors and pushes its invoices, one batch per vendor.</summary>
public static class TargetCustomerLoader
{
    private const string AccountNumber = "TARGET-001";
    private const string CustomerName = "Target Customer Ltd";

    /// <summary>Sends the target customer's invoices and returns the problems found: rejected invoices, or invoices billed to another customer.</summary>
    public static async Task<IReadOnlyList<string>> LoadAsync(TermSyncClient client, StatementNetwork network, CancellationToken cancellationToken)
    {
        foreach (var vendor in network.TargetVendors)
        {
            await client.RegisterVendorAsync(new RegisterVendorRequest(vendor.Id, vendor.Name, vendor.ContactEmail, "UTC"), cancellationToken);
        }

        var problems = new List<string>();
        var customer = new CustomerRequest(AccountNumber, CustomerName, StatementNetwork.TargetEmail);
        foreach (var batch in network.TargetInvoices().GroupBy(invoice => invoice.VendorId, StringComparer.Ordinal))
        {
            var requests = batch.Select(invoice => new InvoiceRequest(invoice.InvoiceNumber, customer, invoice.Currency, invoice.Amount, invoice.IssueDate, invoice.DueDate)).ToList();
            var results = await client.IssueInvoicesAsync(batch.Key, requests, cancellationToken);
            foreach (var result in results)
            {
                if (result.Outcome is not ("created" or "unchanged"))
                {
                    problems.Add($"Invoice {result.InvoiceNumber} of {batch.Key} was {result.Outcome}: {result.Error}");
                }
                else if (result.CustomerId != StatementNetwork.TargetCustomerId)
                {
                    problems.Add($"Invoice {result.InvoiceNumber} of {batch.Key} was billed to customer '{result.CustomerId}' instead of {StatementNetwork.TargetCustomerId}.");
                }
            }
        }

        return problems;
    }
}
