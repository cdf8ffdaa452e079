using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using TermSync.Grains.Telemetry;

namespace TermSync.Silo.Hosting;

public static class MetricsHosting
{
    /// <summary>The path of the Prometheus scrape endpoint, on the API and on a stand-alone silo.</summary>
    public const string ScrapePath = "/metrics";

    /// <summary>
    /// The meter of the Orleans runtime (grain calls, activations, messaging, storage, reminders), as named in
    /// Orleans.Core 10.4.2.
    /// </summary>
    public const string OrleansMeterName = "Microsoft.Orleans";

    /// <summary>
    /// Collects ASP.NET Core, .NET runtime, Orleans and TermSync metrics through OpenTelemetry for the Prometheus
    /// exporter. The caller maps the scrape endpoint.
    /// </summary>
    public static IServiceCollection AddTermSyncMetricsExport(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter(OrleansMeterName, TermSyncMetrics.MeterName)
            .AddPrometheusExporter());
        return services;
    }
}
