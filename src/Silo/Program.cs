using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Serilog;
using TermSync.Silo.Hosting;
using TermSync.Silo.Schema;

namespace TermSync.Silo;

/// <summary>
/// Runs a silo, or with the argument "migrate" applies the database schema and exits. The class is
/// named apart from the API's Program so that a project referencing both can tell them apart.
/// </summary>
internal static class SiloProgram
{
    /// <summary>The setting with the URLs of the Prometheus scrape endpoint; without it the silo serves no HTTP at all.</summary>
    private const string MetricsUrlsSetting = "Metrics:Urls";

    public static async Task<int> Main(string[] args)
    {
        Log.Logger = LoggingSetup.CreateBootstrapLogger();
        try
        {
            var builder = Host.CreateApplicationBuilder(args);
            if (args is ["migrate", ..])
            {
                return await SchemaCommand.RunAsync(ClusterSettings.From(builder.Configuration).ConnectionString, CancellationToken.None);
            }

            var metricsUrls = builder.Configuration[MetricsUrlsSetting];
            if (string.IsNullOrWhiteSpace(metricsUrls))
            {
                AddSilo(builder);
                await builder.Build().RunAsync();
            }
            else
            {
                await RunWithMetricsAsync(args, metricsUrls);
            }

            return 0;
        }
        catch (Exception exception)
        {
            Log.Fatal(exception, "The silo stopped because of an unhandled exception");
            return 1;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }

    /// <summary>
    /// Runs the silo in a web host whose only endpoint is the Prometheus scrape endpoint. The endpoint has no
    /// authentication, so bind it to a loopback or private address that only the Prometheus server reaches.
    /// </summary>
    private static async Task RunWithMetricsAsync(string[] args, string metricsUrls)
    {
        // The first builder only read the settings. A web host is built instead, because only it can serve HTTP.
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.UseUrls(metricsUrls);
        AddSilo(builder);
        builder.Services.AddTermSyncMetricsExport();

        var app = builder.Build();
        app.MapPrometheusScrapingEndpoint(MetricsHosting.ScrapePath);
        await app.RunAsync();
    }

    private static void AddSilo(IHostApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger.ApplyTermSyncDefaults(builder.Configuration, services));
        builder.UseOrleans(silo => silo.UseTermSyncSilo(builder.Configuration));
    }
}
