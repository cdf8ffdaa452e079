using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.Vendors;

namespace TermSync.Api.Features.Vendors.Metrics;

/// <summary>Base of the endpoints that read one vendor's figures over a window ending with an as-of date.</summary>
public abstract class VendorMetricsEndpoint<TResponse>(IClusterClient cluster, TimeProvider time) : VendorMetricsEndpoint<MetricsRequest, TResponse>(cluster, time)
{
    /// <summary>
    /// Returns the vendor's as-of date, the request's or today in the vendor's time zone, or sends 404 and returns null
    /// when the vendor was never registered.
    /// </summary>
    protected Task<DateOnly?> ResolveAsOfAsync(MetricsRequest request) => ResolveAsOfAsync(request.VendorId, request.AsOf);
}

/// <summary>Base of the endpoints that read figures of the vendor their route names, for requests of <typeparamref name="TRequest"/>.</summary>
public abstract class VendorMetricsEndpoint<TRequest, TResponse>(IClusterClient cluster, TimeProvider time) : Endpoint<TRequest, TResponse>
    where TRequest : notnull
{
    protected IClusterClient Cluster => cluster;

    /// <summary>
    /// Returns <paramref name="asOf"/>, or today in the vendor's time zone when it is null, or sends 404 and returns null
    /// when the vendor was never registered.
    /// </summary>
    protected async Task<DateOnly?> ResolveAsOfAsync(string vendorId, DateOnly? asOf)
    {
        var profile = Identifiers.IsVendorId(vendorId)
            ? await cluster.GetGrainCached<IVendorGrain>(vendorId).GetProfileAsync()
            : null;
        if (profile is null)
        {
            await Send.ResultAsync(Problems.VendorNotFound(vendorId));
            return null;
        }

        return new MetricsRequest(vendorId, asOf, null).AsOfOrToday(profile, time);
    }
}
