using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.Customers;
using TermSync.Digests;

namespace TermSync.Api.Features.Digests.SetPreferences;

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, DigestScheduleView>
{
    public override void Configure()
    {
        Put("/customers/{customerId}/digest-preferences");
        Summary(summary =>
        {
            summary.Summary = "Set a customer's digest schedule";
            summary.Description = "Replaces the preferences and moves the next scheduled digest to match; sending the same preferences again changes nothing. " +
                "Slots are local times in the schedule's time zone, so a 06:00 digest stays at 06:00 across daylight-saving changes.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsCustomerId(request.CustomerId) || !await cluster.GetGrainCached<ICustomerGrain>(request.CustomerId).ExistsAsync())
        {
            await Send.ResultAsync(Problems.CustomerNotFound(request.CustomerId));
            return;
        }

        var view = await cluster.GetGrainCached<IDigestGrain>(request.CustomerId).SetPreferencesAsync(request.ToPreferences());
        await Send.OkAsync(view, cancellationToken);
    }
}
