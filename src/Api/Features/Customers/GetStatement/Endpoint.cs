using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.Customers;

namespace TermSync.Api.Features.Customers.GetStatement;

public sealed class Endpoint(IClusterClient cluster, TimeProvider time) : Endpoint<CustomerRequest, CustomerStatement>
{
    public override void Configure()
    {
        Get("/customers/{customerId}/statement");
        Summary(summary =>
        {
            summary.Summary = "Read a customer's bundled statement across all vendors";
            summary.Description = "Open invoices grouped by vendor with totals per currency. The asOf date (YYYY-MM-DD, today by default) decides what is past due.";
        });
    }

    public override async Task HandleAsync(CustomerRequest request, CancellationToken cancellationToken)
    {
        var asOf = request.AsOf ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var statement = Identifiers.IsCustomerId(request.CustomerId)
            ? await cluster.GetGrainCached<ICustomerGrain>(request.CustomerId).FindStatementAsync(asOf)
            : null;
        if (statement is null)
        {
            await Send.ResultAsync(Problems.CustomerNotFound(request.CustomerId));
            return;
        }

        await Send.OkAsync(statement, cancellationToken);
    }
}
