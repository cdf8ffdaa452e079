using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using TermSync.Silo.Hosting;

namespace TermSync.Silo.Tests.Schema.Probes;

/// <summary>
/// A real silo host using the Orleans ADO.NET providers for clustering, grain storage and reminders
/// against one PostgreSQL database, listening on free loopback ports.
/// </summary>
public sealed class ProbeSilo : IAsyncDisposable
{
    /// <summary>The grain storage that clears state by keeping the row with a NULL payload.</summary>
    public const string StorageName = "postgres";

    /// <summary>The grain storage configured with DeleteStateOnClear, which deletes the row instead.</summary>
    public const string DeletingStorageName = "postgres-delete-on-clear";

    /// <summary>The TermSync group-commit grain storage, over an ADO.NET grain storage of its own.</summary>
    public const string GroupCommitStorageName = "postgres-group-commit";

    /// <summary>The ADO.NET invariant name of Npgsql.</summary>
    public const string Invariant = "Npgsql";

    private ProbeSilo(IHost host, string clusterId, string serviceId)
    {
        Host = host;
        ClusterId = clusterId;
        ServiceId = serviceId;
    }

    public IHost Host { get; }

    public string ClusterId { get; }

    public string ServiceId { get; }

    public IClusterClient Client => Host.Services.GetRequiredService<IClusterClient>();

    /// <summary>Starts a silo of a new cluster whose ids are unique to this call.</summary>
    public static Task<ProbeSilo> StartAsync(string connectionString, CancellationToken cancellationToken)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        return StartAsync(connectionString, $"probe-cluster-{suffix}", $"probe-service-{suffix}", cancellationToken);
    }

    /// <summary>Starts another silo of the cluster that <paramref name="member"/> belongs to.</summary>
    public static Task<ProbeSilo> StartJoiningAsync(string connectionString, ProbeSilo member, CancellationToken cancellationToken) =>
        StartAsync(connectionString, member.ClusterId, member.ServiceId, cancellationToken);

    private static async Task<ProbeSilo> StartAsync(
        string connectionString, string clusterId, string serviceId, CancellationToken cancellationToken)
    {

        var host = Microsoft.Extensions.Hosting.Host.CreateDefaultBuilder()
            .UseOrleans(silo =>
            {
                silo.Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = clusterId;
                    options.ServiceId = serviceId;
                });
                silo.ConfigureEndpoints(IPAddress.Loopback, FreePort(), FreePort());
                silo.UseAdoNetClustering(options =>
                {
                    options.Invariant = Invariant;
                    options.ConnectionString = connectionString;
                });
                silo.AddAdoNetGrainStorage(StorageName, options =>
                {
                    options.Invariant = Invariant;
                    options.ConnectionString = connectionString;
                });
                silo.AddAdoNetGrainStorage(DeletingStorageName, options =>
                {
                    options.Invariant = Invariant;
                    options.ConnectionString = connectionString;
                    options.DeleteStateOnClear = true;
                });
                silo.AddGroupCommitGrainStorage(GroupCommitStorageName, connectionString);
                silo.UseAdoNetReminderService(options =>
                {
                    options.Invariant = Invariant;
                    options.ConnectionString = connectionString;
                });
            })
            .ConfigureLogging(QuietLogging)
            .Build();

        var probe = new ProbeSilo(host, clusterId, serviceId);
        try
        {
            await host.StartAsync(cancellationToken);
            return probe;
        }
        catch
        {
            await probe.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts a separate client host that finds this silo's gateway through the ADO.NET membership table.
    /// </summary>
    public async Task<IHost> StartClientAsync(string connectionString, CancellationToken cancellationToken)
    {
        var client = Microsoft.Extensions.Hosting.Host.CreateDefaultBuilder()
            .UseOrleansClient(builder =>
            {
                builder.Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = ClusterId;
                    options.ServiceId = ServiceId;
                });
                builder.UseAdoNetClustering(options =>
                {
                    options.Invariant = Invariant;
                    options.ConnectionString = connectionString;
                });
            })
            .ConfigureLogging(QuietLogging)
            .Build();
        await client.StartAsync(cancellationToken);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Host.StopAsync(CancellationToken.None);
        }
        finally
        {
            Host.Dispose();
        }
    }

    // Orleans logs every placement and membership step at Information; warnings are enough here.
    private static void QuietLogging(ILoggingBuilder logging) =>
        logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);

    // NOTE: Another process may take the port between this check and the silo binding it. The silo
    // then fails to start, and the test fails with the bind error.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
