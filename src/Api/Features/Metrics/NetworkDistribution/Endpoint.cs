using FastEndpoints;
using TermSync.Api.Features.Vendors.Metrics;
using TermSync.Silo.Ledger;

namespace TermSync.Api.Features.Metrics.NetworkDistribution;

public sealed class Endpoint(IClusterClient cluster, ReceivablesLedgerReader ledger, TimeProvider time)
    : Endpoint<NetworkReceivables.Request, DistributionResponse>
{
    public override void Configure()
    {
        Get("/metrics/network/receivables/distribution");
        Summary(summary =>
        {
            summary.Summary = "Read how the network's vendors spread on each receivables figure";
            summary.Description = "The admin key or an analyst key. asOf defaults to today in UTC. " + DistributionDescription.Common;
        });
    }

    public override async Task HandleAsync(NetworkReceivables.Request request, CancellationToken cancellationToken)
    {
        var asOf = request.AsOf ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var windowDays = request.WindowDays ?? MetricsRequest.DefaultWindowDays;
        var response = await DistributionResponse.ReadAsync(cluster, ledger, null, asOf, windowDays, live: request.AsOf is null, cancellationToken);
        await Send.OkAsync(response, cancellationToken);
    }
}
