using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using TermSync.Grains;
using TermSync.Silo.Hosting;

namespace TermSync.Grains.Tests;

/// <summary>
/// A two-silo Orleans test cluster with in-memory grain storage and reminders, shared by every test of the
/// collection. Digests go to an outbox folder that the fixture deletes at the end. Webhooks may go to http on
/// 127.0.0.1, where the tests' receivers listen, and are retried within seconds instead of hours.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public string OutboxPath { get; } = Path.Combine(Path.GetTempPath(), $"termsync-outbox-{Guid.NewGuid():N}");

    /// <summary>The base64 key that signs digest links in this cluster, random per fixture.</summary>
    public string LinkSigningKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>The webhook settings of this cluster: 0.5 s first delay, doubling up to 1 s, for a 3 s retry window.</summary>
    public static IReadOnlyDictionary<string, string> WebhookSettings { get; } = new Dictionary<string, string>
    {
        ["Webhooks:FirstRetryDelay"] = "00:00:00.5",
        ["Webhooks:MaxRetryDelay"] = "00:00:01",
        ["Webhooks:RetryWindow"] = "00:00:03",
        ["Webhooks:AllowShortRetryWindow"] = "true",
        ["Webhooks:Timeout"] = "00:00:05",
        ["Webhooks:AllowHttp"] = "true",
        ["Webhooks:AllowPrivateNetworks"] = "true",
    };

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async ValueTask InitializeAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 2);
        builder.Properties["Digests:OutboxPath"] = OutboxPath;
        builder.Properties["Digests:PublicBaseUrl"] = "https://termsync.test";
        builder.Properties["Digests:LinkSigningKey"] = LinkSigningKey;
        foreach (var (key, value) in WebhookSettings)
        {
            builder.Properties[key] = value;
        }

        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        if (Directory.Exists(OutboxPath))
        {
            Directory.Delete(OutboxPath, recursive: true);
        }
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMemoryGrainStorage(StorageNames.Default);
            siloBuilder.UseInMemoryReminderService();
            siloBuilder.AddMemoryGrainStorage(StorageNames.PubSub);
            siloBuilder.AddTermSyncStreams();
            siloBuilder.Services.AddTermSyncGrainServices(siloBuilder.Configuration);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Cluster";
}
