using TermSync.Tests;

namespace TermSync.Silo.Tests.Processes;

/// <summary>
/// Kills one of two silo processes with SIGKILL while a digest cycle is running, then runs the cycle again as an
/// operator or the next reminder would, and checks that every customer got exactly one digest for the period.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class DigestFailoverTests : IAsyncLifetime
{
    private const int CustomerCount = 600;
    private static readonly string[] VendorIds = ["failover-north", "failover-south", "failover-east"];
    private static readonly DateOnly AsOf = new(2013, 3, 4);

    /// <summary>Time for the surviving silo to declare the killed one dead and for a cycle to complete.</summary>
    private static readonly TimeSpan FailoverTimeout = TimeSpan.FromSeconds(90);

    private readonly string outboxPath = Path.Combine(Path.GetTempPath(), $"termsync-digest-failover-{Guid.NewGuid():N}");

    private PostgresDatabase database = null!;

    public async ValueTask InitializeAsync() =>
        database = await PostgresDatabase.CreateAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await database.DisposeAsync();
        if (Directory.Exists(outboxPath))
        {
            Directory.Delete(outboxPath, recursive: true);
        }
    }

    [Fact]
    public async Task Silo_killed_mid_cycle_sends_each_once()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var ports = FreePorts.Take(5);
        var northSilo = new SiloPorts(ports[0], ports[1]);
        var southSilo = new SiloPorts(ports[2], ports[3]);
        var address = new Uri($"http://127.0.0.1:{ports[4]}");
        var cluster = new ClusterEnvironment(database.ConnectionString, database.Name, outboxPath);
        var membership = new MembershipTable(database.ConnectionString, database.Name);

        using var north = await TermSyncProcesses.StartSiloAsync("silo-north", cluster.ForSilo(northSilo), membership, northSilo.Silo, cancellationToken);
        using var south = await TermSyncProcesses.StartSiloAsync("silo-south", cluster.ForSilo(southSilo), membership, southSilo.Silo, cancellationToken);
        using var apiProcess = await TermSyncProcesses.StartApiAsync("api-client", cluster.ForClient(), address, cancellationToken);
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(3) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ClusterEnvironment.AdminKey);
        var api = new TermSyncApiClient(http);
        var customerIds = await LoadCustomersAsync(api, cancellationToken);

        // The first cycle runs in the background; silo-north dies once some digests are in the outbox. The first
        // cycle's request may wait for a response from the dead silo, so it is canceled once the second one is done.
        using var firstCycleCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var firstCycle = api.RunDigestCycleAsync(AsOf, firstCycleCancellation.Token);
        await Poll.UntilAsync(
            _ => Task.FromResult(CountOutboxFiles() >= 20 || firstCycle.IsCompleted),
            FailoverTimeout,
            () => $"The first cycle wrote {CountOutboxFiles()} digests. {apiProcess.Describe()}",
            cancellationToken);
        var deliveredBeforeKill = CountOutboxFiles();
        await north.KillAsync(cancellationToken);
        await Poll.UntilAsync(
            async token => await membership.GetStatusAsync(northSilo.Silo, token) == MembershipTable.DeadStatus,
            FailoverTimeout,
            async () => $"silo-north was not declared dead. {await membership.DescribeAsync(CancellationToken.None)}",
            cancellationToken);

        using var retryHttp = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        retryHttp.DefaultRequestHeaders.Authorization = http.DefaultRequestHeaders.Authorization;
        var retryApi = new TermSyncApiClient(retryHttp);
        DigestCycleDocument? second = null;
        string? lastFailure = null;
        await Poll.UntilAsync(
            async token =>
            {
                try
                {
                    second = await retryApi.RunDigestCycleAsync(AsOf, token);
                    return true;
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !token.IsCancellationRequested)
                {
                    lastFailure = exception.Message;
                    return false;
                }
            },
            FailoverTimeout,
            async () => $"No cycle completed after the kill; last failure: {lastFailure}. {await membership.DescribeAsync(CancellationToken.None)}{Environment.NewLine}{south.Describe()}",
            cancellationToken);
        await firstCycleCancellation.CancelAsync();
        var firstOutcome = await Record.ExceptionAsync(() => firstCycle);

        Assert.True(deliveredBeforeKill < CustomerCount, $"The first cycle had finished before the kill ({deliveredBeforeKill} digests), so nothing was in progress.");
        Assert.Equal(CustomerCount, second!.Customers);
        Assert.True(second.AlreadySent > 0, $"The cycle after the kill found no digest sent before it: {second}");
        Assert.Equal(CustomerCount, second.Sent + second.AlreadySent);
        foreach (var customerId in customerIds)
        {
            var history = await api.GetDigestsAsync(customerId, cancellationToken);
            var digest = Assert.Single(history.Digests);
            Assert.Equal(("2013-03-04", "delivered"), (digest.Key, digest.Delivery));
            Assert.Equal(["2013-03-04.html"], Directory.GetFiles(Path.Combine(outboxPath, customerId), "*.html").Select(Path.GetFileName));
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{deliveredBeforeKill} digests were in the outbox at the kill; the first cycle ended with {firstOutcome?.Message ?? "success"}. " +
            $"The cycle after the kill: {second}.");
    }

    /// <summary>Pushes one invoice per customer and vendor for <see cref="CustomerCount"/> customers and returns their network ids.</summary>
    private static async Task<IReadOnlyList<string>> LoadCustomersAsync(TermSyncApiClient api, CancellationToken cancellationToken)
    {
        var customerIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (vendorId, index) in VendorIds.Select((id, index) => (id, index)))
        {
            await api.RegisterVendorAsync(vendorId, $"Vendor {vendorId}", cancellationToken);
            foreach (var chunk in Enumerable.Range(0, CustomerCount).Chunk(200))
            {
                var invoices = chunk.Select(customer => new PushedInvoice(vendorId, $"F-{index}-{customer}", $"failover-{customer}", 100m + customer)).ToList();
                var response = await api.PushAsync(vendorId, invoices, cancellationToken);
                customerIds.UnionWith(response.Results.Select(result => result.CustomerId!));
            }
        }

        Assert.Equal(CustomerCount, customerIds.Count);
        return [.. customerIds];
    }

    private int CountOutboxFiles() =>
        Directory.Exists(outboxPath) ? Directory.GetFiles(outboxPath, "*.html", SearchOption.AllDirectories).Length : 0;
}
