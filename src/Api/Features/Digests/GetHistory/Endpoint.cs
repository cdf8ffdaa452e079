using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.Customers;
using TermSync.Digests;

namespace TermSync.Api.Features.Digests.GetHistory;

public sealed record Request(string CustomerId);

/// <summary>The digests sent to a customer, oldest first.</summary>
public sealed record Response(string CustomerId, IReadOnlyList<DigestRecord> Digests);

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/customers/{customerId}/digests");
        Summary(summary => summary.Summary = "List the digests sent to a customer");
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsCustomerId(request.CustomerId) || !await cluster.GetGrainCached<ICustomerGrain>(request.CustomerId).ExistsAsync())
        {
            await Send.ResultAsync(Problems.CustomerNotFound(request.CustomerId));
            return;
        }

        var history = await cluster.GetGrainCached<IDigestGrain>(request.CustomerId).GetHistoryAsync();
        await Send.OkAsync(new Response(request.CustomerId, history), cancellationToken);
    }
}
