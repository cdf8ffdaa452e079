using FastEndpoints;
using TermSync.Api.Features.Metrics;
using TermSync.Grains.Metrics;
using TermSync.Silo.Ledger;

namespace TermSync.Api.Features.Vendors.Metrics.Peers;

public sealed class Endpoint(IClusterClient cluster, ReceivablesLedgerReader ledger, TimeProvider time) : VendorMetricsEndpoint<DistributionResponse>(cluster, time)
{
    public override void Configure()
    {
        Get("/vendors/{vendorId}/metrics/peers");
        Summary(summary =>
        {
            summary.Summary = "Read where a vendor stands against its peers";
            summary.Description = "The admin key or the vendor's own key. Gives the vendor's own value of each figure beside the network's " +
                $"quartiles, and no other vendor's name: quartiles of fewer than {PeerDistributions.MinimumPeers} vendors are withheld (null). " +
                "A quartile may equal one unnamed vendor's figure among at least that many. asOf defaults to today in the vendor's time zone. " + DistributionDescription.Common;
        });
    }

    public override async Task HandleAsync(MetricsRequest request, CancellationToken cancellationToken)
    {
        if (await ResolveAsOfAsync(request) is not { } asOf)
        {
            return;
        }

        var windowDays = request.WindowDays ?? MetricsRequest.DefaultWindowDays;
        var response = await DistributionResponse.ReadAsync(Cluster, ledger, request.VendorId, asOf, windowDays, live: request.AsOf is null, cancellationToken);
        await Send.OkAsync(response, cancellationToken);
    }
}
