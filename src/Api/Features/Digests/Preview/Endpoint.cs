using FastEndpoints;
using TermSync.Api.Features.Customers;
using TermSync.Api.Infrastructure;
using TermSync.Customers;
using TermSync.Digests;

namespace TermSync.Api.Features.Digests.Preview;

public sealed class Endpoint(IClusterClient cluster, TimeProvider time) : Endpoint<CustomerRequest, DigestPreview>
{
    public override void Configure()
    {
        Get("/customers/{customerId}/digests/preview");
        Summary(summary =>
        {
            summary.Summary = "Preview the digest a customer would get";
            summary.Description = "Renders the bundled digest for asOf (YYYY-MM-DD, today by default) without sending or recording it.";
        });
    }

    public override async Task HandleAsync(CustomerRequest request, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsCustomerId(request.CustomerId) || !await cluster.GetGrainCached<ICustomerGrain>(request.CustomerId).ExistsAsync())
        {
            await Send.ResultAsync(Problems.CustomerNotFound(request.CustomerId));
            return;
        }

        var asOf = request.AsOf ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await Send.OkAsync(await cluster.GetGrainCached<IDigestGrain>(request.CustomerId).PreviewAsync(asOf), cancellationToken);
    }
}
