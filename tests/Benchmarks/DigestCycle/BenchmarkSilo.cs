using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using Serilog.Extensions.Logging;
using TermSync.Grains;
using TermSync.Grains.Storage;
using TermSync.Silo.Hosting;

namespace TermSync.Benchmarks.DigestCycle;

/// <summary>
/// A single silo hosted in this process with the TermSync grains, in-memory grain storage and reminders (unless the
/// caller configures other storage), localhost clustering on free ports, and digests delivered to an outbox folder.
/// Disposing it stops the silo and deletes the temporary folder that contains the outbox.
/// </summary>
public sealed class BenchmarkSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchmarkSilo(IHost host, string rootPath)
    {
        _host = host;
        RootPath = rootPath;
    }

    /// <summary>Temporary folder of this run; the outbox is its "outbox" subfolder.</summary>
    public string RootPath { get; }

    /// <summary>Folder that receives one HTML and one plain-text file per delivered digest.</summary>
    public string OutboxPath => Path.Combine(RootPath, "outbox");

    /// <summary>How long a grain may stay idle before the silo deactivates it (<see cref="GrainCollectionOptions.CollectionAge"/>).</summary>
    public TimeSpan CollectionAge => _host.Services.GetRequiredService<IOptions<GrainCollectionOptions>>().Value.CollectionAge;

    /// <summary>Grain factory of the silo, for calls from outside any grain.</summary>
    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Services of the silo's host.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>Starts the silo. Its log events at Warning and above go to <paramref name="logger"/>.</summary>
    /// <param name="configureStorage">Registers the default grain storage, and optionally a receivables ledger, in place
    /// of memory grain storage with its in-memory journal and the in-memory ledger; null keeps those.</param>
    public static async Task<BenchmarkSilo> StartAsync(Serilog.ILogger logger, CancellationToken cancellationToken, Action<ISiloBuilder>? configureStorage = null)
    {
        var rootPath = Path.Combine(Path.GetTempPath(), $"termsync-digest-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(rootPath);

        // No settings file and no environment variables, so the run does not depend on the shell it starts from.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Digests:OutboxPath"] = Path.Combine(rootPath, "outbox"),
            ["Digests:PublicBaseUrl"] = "http://127.0.0.1:5080",
            ["Digests:LinkSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        });

        // The grains log every sent digest at Information; a cycle would write 100,000 such lines, so only warnings are kept.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddProvider(new SerilogLoggerProvider(logger));

        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePort(), FreePort());
            if (configureStorage is null)
            {
                silo.AddMemoryGrainStorage(StorageNames.Default);

                // The binary state format of the PostgreSQL storage of a real silo, instead of the silo default, JsonGrainStorageSerializer.
                silo.Services.AddOptions<MemoryGrainStorageOptions>(StorageNames.Default)
                    .Configure<Serializer>((options, serializer) => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));

                // Customers and ledger shards journal their changes beside the snapshots, as with the PostgreSQL storage.
                silo.Services.AddKeyedSingleton<IGrainJournal>(
                    StorageNames.Default, (provider, _) => new MemoryGrainJournal(provider.GetRequiredService<Serializer>()));
            }
            else
            {
                configureStorage(silo);
            }

            silo.UseInMemoryReminderService();
            silo.AddMemoryGrainStorage(StorageNames.PubSub);
            silo.AddTermSyncStreams();
            silo.Services.AddTermSyncGrainServices(builder.Configuration);
        });

        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            Directory.Delete(rootPath, recursive: true);
            throw;
        }

        return new BenchmarkSilo(host, rootPath);
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
            if (Directory.Exists(RootPath))
            {
                Directory.Delete(RootPath, recursive: true);
            }
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
