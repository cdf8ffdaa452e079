using FastEndpoints;
using TermSync.Api.Features.Metrics.CustomerScope;
using TermSync.Api.Features.Vendors.Metrics;
using TermSync.Grains.Metrics;
using TermSync.Silo.Ledger;

namespace TermSync.Api.Features.Metrics.CustomerReceivables;

public sealed class Endpoint(IClusterClient cluster, ReceivablesLedgerReader ledger, TimeProvider time) : CustomerMetricsEndpoint<Request, Response>(cluster)
{
    public override void Configure()
    {
        Get("/metrics/customers/{customerId}/receivables");
        Summary(summary =>
        {
            summary.Summary = "Read a customer's receivables metrics across its vendors as of a date";
            summary.Description = CustomerDescription.AllVendors + "asOf defaults to today in UTC. " + ReceivablesDescription.Common;
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        if (!await FindCustomerAsync(request.CustomerId))
        {
            return;
        }

        var asOf = request.AsOf ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var windowDays = request.WindowDays ?? MetricsRequest.DefaultWindowDays;
        var histories = await ledger.LoadNetworkAsync(request.CustomerId, asOf, windowDays, cancellationToken);
        var figures = ReceivablesCalculator.ComputeByCurrency(histories, asOf, windowDays);
        var shares = VendorShare.Compute(histories, asOf, windowDays);
        await Send.OkAsync(new Response(request.CustomerId, asOf, windowDays, figures, shares), cancellationToken);
    }
}
