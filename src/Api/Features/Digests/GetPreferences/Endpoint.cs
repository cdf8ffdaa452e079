using FastEndpoints;
using TermSync.Api.Features.Customers;
using TermSync.Api.Infrastructure;
using TermSync.Customers;
using TermSync.Digests;

namespace TermSync.Api.Features.Digests.GetPreferences;

public sealed class Endpoint(IClusterClient cluster) : Endpoint<CustomerRequest, DigestScheduleView>
{
    public override void Configure()
    {
        Get("/customers/{customerId}/digest-preferences");
        Summary(summary =>
        {
            summary.Summary = "Read a customer's digest schedule";
            summary.Description = "The preferences, the time zone in effect, the instant of the next scheduled digest (null when unsubscribed) and the last digest delivered.";
        });
    }

    public override async Task HandleAsync(CustomerRequest request, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsCustomerId(request.CustomerId) || !await cluster.GetGrainCached<ICustomerGrain>(request.CustomerId).ExistsAsync())
        {
            await Send.ResultAsync(Problems.CustomerNotFound(request.CustomerId));
            return;
        }

        await Send.OkAsync(await cluster.GetGrainCached<IDigestGrain>(request.CustomerId).GetScheduleAsync(), cancellationToken);
    }
}
