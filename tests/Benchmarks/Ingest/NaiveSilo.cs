using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog.Extensions.Logging;
using TermSync.Grains;
using TermSync.Silo.Hosting;

namespace TermSync.Benchmarks.Ingest;

/// <summary>
/// A single silo hosted in the driver process for <see cref="NaiveInvoiceGrain"/>. Its grain storage is the one of a
/// TermSync silo: the ADO.NET provider on the TermSync database, with its SQL from the OrleansQuery table and the
/// Orleans binary state serializer. Its own service id keeps its rows apart from those of the TermSync silo.
/// Clustering is localhost clustering on free ports, so the silo does not join the TermSync cluster.
/// </summary>
public sealed class NaiveSilo : IAsyncDisposable
{
    /// <summary>Service id of the naive silo, which the storage writes to orleans_grain_state.service_id.</summary>
    public const string ServiceId = "termsync-naive-baseline";

    private readonly IHost _host;

    private NaiveSilo(IHost host) => _host = host;

    /// <summary>Grain factory of the silo, for calls from outside any grain.</summary>
    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Starts the silo on the database of <paramref name="connectionString"/>. Its log events at Warning and above go to the Serilog static logger.</summary>
    public static async Task<NaiveSilo> StartAsync(string connectionString, CancellationToken cancellationToken)
    {
        // No settings file and no environment variables, so the run does not depend on the shell it starts from.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddProvider(new SerilogLoggerProvider());

        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePort(), FreePort(), serviceId: ServiceId, clusterId: ServiceId);

            // The same provider settings as SiloBuilderExtensions.UseTermSyncSilo gives the TermSync grain storage.
            silo.AddAdoNetGrainStorage(StorageNames.Default, options =>
            {
                options.Invariant = ClusterSettings.Invariant;
                options.ConnectionString = connectionString;
            });
            silo.Services.UseOrleansBinaryStateSerializer(StorageNames.Default);
        });

        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new NaiveSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(CancellationToken.None);
        }
        finally
        {
            _host.Dispose();
        }
    }

    /// <summary>Returns a TCP port on 127.0.0.1 that was free a moment ago; another process may still take it before the silo does.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
