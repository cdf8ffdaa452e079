using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.Vendors;

namespace TermSync.Api.Features.Vendors.Figures;

public sealed record Request(string VendorId);

/// <summary>A vendor's receivables per currency.</summary>
public sealed record Response(string VendorId, IReadOnlyList<VendorCurrencyFigures> Currencies);

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/vendors/{vendorId}/figures");
        Summary(summary =>
        {
            summary.Summary = "Read a vendor's receivables totals";
            summary.Description = "Invoiced, open, paid, credited and written-off amounts per currency, maintained live by every invoice change.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsVendorId(request.VendorId) || await cluster.GetGrainCached<IVendorGrain>(request.VendorId).GetProfileAsync() is null)
        {
            await Send.ResultAsync(Problems.VendorNotFound(request.VendorId));
            return;
        }

        var figures = await IVendorLedgerGrain.SumAsync(cluster, request.VendorId);
        await Send.OkAsync(new Response(request.VendorId, figures), cancellationToken);
    }
}
