using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.Vendors;

namespace TermSync.Api.Features.Vendors.Metrics;

/// <summary>Base of the endpoints that read one vendor's figures over a window ending with an as-of date.</summary>
public abstract class VendorMetricsEndpoint<TResponse>(IClusterClient cluster, TimeProvider time) : Endpoint<MetricsRequest, TResponse>
{
    protected IClusterClient Cluster => cluster;

    /// <summary>
    /// Returns the vendor's as-of date, the request's or today in the vendor's time zone, or sends 404 and returns null
    /// when the vendor was never registered.
    /// </summary>
    protected async Task<DateOnly?> ResolveAsOfAsync(MetricsRequest request)
    {
        var profile = Identifiers.IsVendorId(request.VendorId)
            ? await cluster.GetGrain<IVendorGrain>(request.VendorId).GetProfileAsync()
            : null;
        if (profile is null)
        {
            await Send.ResultAsync(Problems.VendorNotFound(request.VendorId));
            return null;
        }

        return request.AsOfOrToday(profile, time);
    }
}
