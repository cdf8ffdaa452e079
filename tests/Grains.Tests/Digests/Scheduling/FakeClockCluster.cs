using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using TermSync.Digests;
using TermSync.Grains.Digests;
using TermSync.Silo.Hosting;

namespace TermSync.Grains.Tests.Digests.Scheduling;

/// <summary>
/// A one-silo test cluster whose grains read the time from a <see cref="FakeTimeProvider"/> that the test moves.
/// The Orleans runtime stays on real time, so its reminders, aimed hours ahead by the fake clock, do not fire
/// during a test, and the test's wake-up calls stand in for them.
/// Each test starts its own, because a fake clock only moves forward and tests start at different dates.
/// </summary>
public sealed class FakeClockCluster : IAsyncDisposable
{
    private const string ClockIdProperty = "Tests:ClockId";

    private static readonly ConcurrentDictionary<string, FakeTimeProvider> Clocks = new(StringComparer.Ordinal);

    private readonly string clockId;
    private readonly TestCluster cluster;

    private FakeClockCluster(string clockId, TestCluster cluster, FakeTimeProvider clock, string outboxPath)
    {
        this.clockId = clockId;
        this.cluster = cluster;
        Clock = clock;
        OutboxPath = outboxPath;
    }

    public FakeTimeProvider Clock { get; }

    public string OutboxPath { get; }

    public IGrainFactory Grains => cluster.GrainFactory;

    /// <summary>Starts a cluster whose clock reads <paramref name="start"/>.</summary>
    /// <param name="settings">Extra "Digests:*" settings, such as "Digests:MaxPerWeek".</param>
    public static async Task<FakeClockCluster> StartAsync(DateTimeOffset start, IReadOnlyDictionary<string, string>? settings = null)
    {
        var clockId = Guid.NewGuid().ToString("N");
        var clock = new FakeTimeProvider(start);
        Clocks[clockId] = clock;

        var outboxPath = Path.Combine(Path.GetTempPath(), $"termsync-clock-{clockId}");
        var builder = new TestClusterBuilder(initialSilosCount: 1);
        builder.Properties[ClockIdProperty] = clockId;
        builder.Properties["Digests:OutboxPath"] = outboxPath;
        builder.Properties["Digests:PublicBaseUrl"] = "https://termsync.test";
        builder.Properties["Digests:LinkSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.Properties[key] = value;
        }

        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new FakeClockCluster(clockId, cluster, clock, outboxPath);
    }

    /// <summary>Wakes the customer's digest grain as its reminder would, at the clock's current time.</summary>
    public Task<DigestRunResult> WakeAsync(string customerId) => Grains.GetGrain<IDigestGrain>(customerId).WakeAsync();

    /// <summary>Moves the clock in steps of <paramref name="step"/> until <paramref name="until"/>, waking the customer's grain at each step.</summary>
    public async Task TickAsync(string customerId, TimeSpan step, DateTimeOffset until)
    {
        while (Clock.GetUtcNow() + step <= until)
        {
            Clock.Advance(step);
            await WakeAsync(customerId);
        }
    }

    public Task<IReadOnlyList<DigestRecord>> HistoryAsync(string customerId) => Grains.GetGrain<IDigestGrain>(customerId).GetHistoryAsync();

    public async ValueTask DisposeAsync()
    {
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
        Clocks.TryRemove(clockId, out _);
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
            siloBuilder.Services.AddKeyedSingleton<TimeProvider>(GrainClock.Key, Clocks[siloBuilder.Configuration[ClockIdProperty]!]);
            siloBuilder.AddMemoryGrainStorage(StorageNames.PubSub);
            siloBuilder.AddTermSyncStreams();
            siloBuilder.Services.AddTermSyncGrainServices(siloBuilder.Configuration);
        }
    }
}
