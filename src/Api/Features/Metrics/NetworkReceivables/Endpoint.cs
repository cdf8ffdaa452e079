using FastEndpoints;
using TermSync.Api.Features.Vendors.Metrics;
using TermSync.Grains.Metrics;
using TermSync.Grains.Metrics.Live;
using TermSync.Silo.Ledger;

namespace TermSync.Api.Features.Metrics.NetworkReceivables;

public sealed class Endpoint(IClusterClient cluster, ReceivablesLedgerReader ledger, TimeProvider time) : Endpoint<Request, ReceivablesResponse>
{
    public override void Configure()
    {
        Get("/metrics/network/receivables");
        Summary(summary =>
        {
            summary.Summary = "Read the network's receivables metrics as of a date";
            summary.Description = "The admin key or an analyst key. Covers every vendor's invoices together, per currency, and names no vendor; " +
                "asOf defaults to today in UTC. " + ReceivablesDescription.Common;
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var asOf = request.AsOf ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var windowDays = request.WindowDays ?? MetricsRequest.DefaultWindowDays;
        if (request.AsOf is null
            && await cluster.GetGrain<INetworkReceivablesGrain>(INetworkReceivablesGrain.Key).GetFiguresAsync(asOf, windowDays) is { } live)
        {
            await Send.OkAsync(new ReceivablesResponse(null, asOf, windowDays, live, ReceivablesResponse.Live), cancellationToken);
            return;
        }

        var histories = await ledger.LoadNetworkAsync(asOf, windowDays, cancellationToken);
        var figures = ReceivablesCalculator.ComputeByCurrency(histories, asOf, windowDays);
        await Send.OkAsync(new ReceivablesResponse(null, asOf, windowDays, figures, ReceivablesResponse.Ledger), cancellationToken);
    }
}
