using Microsoft.AspNetCore.Authorization;
using TermSync.Api.Security;
using TermSync.Silo.Hosting;

namespace TermSync.Api.Hosting;

public static class MetricsScraping
{
    /// <summary>
    /// Maps the Prometheus scrape endpoint at <see cref="MetricsHosting.ScrapePath"/> for the admin key and analyst keys:
    /// a request without a key gets 401 and a vendor key gets 403. The endpoint comes from the exporter's package, not
    /// from FastEndpoints, so <see cref="EndpointAccess"/> does not reach it and the same rule is set here.
    /// </summary>
    public static WebApplication MapTermSyncMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsHosting.ScrapePath)
            .RequireAuthorization(new AuthorizeAttribute { Roles = $"{ApiRoles.Admin},{ApiRoles.Analyst}" });
        return app;
    }
}
