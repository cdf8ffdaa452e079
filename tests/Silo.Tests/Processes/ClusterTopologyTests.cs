using System.Diagnostics;
using TermSync.Tests;

namespace TermSync.Silo.Tests.Processes;

/// <summary>
/// Runs two standalone silos and an API in Orleans client mode as separate processes on one machine,
/// each on ports chosen by configuration, and kills one silo with SIGKILL.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class ClusterTopologyTests : IAsyncLifetime
{
    private const string NorthVendorId = "north-supply";
    private const string SouthVendorId = "south-supply";

    private static readonly string[] CustomerKeys = ["topology-c1", "topology-c2", "topology-c3", "topology-c4", "topology-c5", "topology-c6"];
    private static readonly DateOnly AsOf = new(2013, 3, 1);

    /// <summary>Time for the surviving silo to declare the killed one dead and for its grains to serve again.</summary>
    private static readonly TimeSpan FailoverTimeout = TimeSpan.FromSeconds(45);

    private readonly string outboxPath = Path.Combine(Path.GetTempPath(), $"termsync-topology-{Guid.NewGuid():N}");

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
    public async Task Two_silos_and_separate_api_form_one_cluster()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var ports = FreePorts.Take(5);
        var northSilo = new SiloPorts(ports[0], ports[1]);
        var southSilo = new SiloPorts(ports[2], ports[3]);
        var address = new Uri($"http://127.0.0.1:{ports[4]}");
        var cluster = new ClusterEnvironment(database.ConnectionString, database.Name, outboxPath);
        var membership = new MembershipTable(database.ConnectionString, database.Name);

        var started = Stopwatch.GetTimestamp();
        var starting = new[]
        {
            TermSyncProcesses.StartSiloAsync("silo-north", cluster.ForSilo(northSilo), membership, northSilo.Silo, cancellationToken),
            TermSyncProcesses.StartSiloAsync("silo-south", cluster.ForSilo(southSilo), membership, southSilo.Silo, cancellationToken),
        };
        var silos = await WhenAllOrDisposeAsync(starting);
        using var north = silos[0];
        using var south = silos[1];
        var silosReadyAfter = Stopwatch.GetElapsedTime(started);
        using var apiProcess = await TermSyncProcesses.StartApiAsync("api-client", cluster.ForClient(), address, cancellationToken);
        var apiReadyAfter = Stopwatch.GetElapsedTime(started);
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(15) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ClusterEnvironment.AdminKey);
        var api = new TermSyncApiClient(http);

        var rows = await membership.ReadAsync(cancellationToken);
        Assert.Equal(2, await membership.CountActiveAsync(cancellationToken));
        Assert.Equal(new[] { northSilo.Gateway, southSilo.Gateway }.Order(), rows.Select(row => row.GatewayPort).Order());

        await api.RegisterVendorAsync(NorthVendorId, "North Supply", cancellationToken);
        await api.RegisterVendorAsync(SouthVendorId, "South Supply", cancellationToken);
        var invoices = new List<PushedInvoice>();
        var customerIds = new Dictionary<string, string>(StringComparer.Ordinal);
        invoices.AddRange(await PushAsync(api, NorthVendorId, "N1", 100.10m, customerIds, cancellationToken));
        invoices.AddRange(await PushAsync(api, SouthVendorId, "S1", 200.20m, customerIds, cancellationToken));
        Assert.Equal(CustomerKeys.Length, customerIds.Values.Distinct(StringComparer.Ordinal).Count());

        foreach (var customerKey in CustomerKeys)
        {
            var statement = await api.GetStatementAsync(customerIds[customerKey], AsOf, cancellationToken);
            AssertStatement(statement, customerKey, invoices);
            Assert.Equal([NorthVendorId, SouthVendorId], statement.Vendors.Select(vendor => vendor.VendorId).Order(StringComparer.Ordinal));
        }

        // Statements are read from the kill on, so the output shows whether the API failed while the
        // cluster had not yet noticed. The wait ends once silo-north is Dead and every statement agrees.
        var killedAt = Stopwatch.GetTimestamp();
        await north.KillAsync(cancellationToken);
        TimeSpan? declaredDeadAfter = null;
        string? firstFailure = null;
        string? lastFailure = null;
        var failedReads = 0;
        await Poll.UntilAsync(
            async token =>
            {
                if (declaredDeadAfter is null && await membership.GetStatusAsync(northSilo.Silo, token) == MembershipTable.DeadStatus)
                {
                    declaredDeadAfter = Stopwatch.GetElapsedTime(killedAt);
                }

                lastFailure = await ReadMismatchAsync(api, invoices, customerIds, token);
                if (lastFailure is not null)
                {
                    failedReads++;
                    firstFailure ??= lastFailure;
                }

                return declaredDeadAfter is not null && lastFailure is null;
            },
            FailoverTimeout,
            async () => $"After SIGKILL of silo-north, declared dead: {declaredDeadAfter?.ToString() ?? "no"}, last failed read: {lastFailure ?? "none"}. " +
                $"{await membership.DescribeAsync(CancellationToken.None)}{Environment.NewLine}{apiProcess.Describe()}{Environment.NewLine}{south.Describe()}",
            cancellationToken);
        var servedAfter = Stopwatch.GetElapsedTime(killedAt);

        invoices.AddRange(await PushAsync(api, NorthVendorId, "N2", 300.30m, customerIds, cancellationToken));
        foreach (var customerKey in CustomerKeys)
        {
            AssertStatement(await api.GetStatementAsync(customerIds[customerKey], AsOf, cancellationToken), customerKey, invoices);
        }

        Assert.Equal(1, await membership.CountActiveAsync(cancellationToken));
        Assert.Equal(MembershipTable.ActiveStatus, await membership.GetStatusAsync(southSilo.Silo, cancellationToken));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Silos active after {silosReadyAfter.TotalSeconds:0.0} s, API ready after {apiReadyAfter.TotalSeconds:0.0} s. " +
            $"silo-north was declared dead {declaredDeadAfter!.Value.TotalSeconds:0.0} s after SIGKILL, and the wait ended after {servedAfter.TotalSeconds:0.0} s. " +
            $"{failedReads} rounds of statement reads failed. The first failure: {firstFailure ?? "none"}");
    }

    /// <summary>
    /// Pushes one batch of a vendor with one invoice per customer and asserts that each one was created. It records
    /// the network customer id of each customer key, and asserts that a key linked before links to the same id.
    /// </summary>
    private static async Task<IReadOnlyList<PushedInvoice>> PushAsync(
        TermSyncApiClient api,
        string vendorId,
        string numberPrefix,
        decimal baseAmount,
        Dictionary<string, string> customerIds,
        CancellationToken cancellationToken)
    {
        var batch = CustomerKeys
            .Select((customerKey, index) => new PushedInvoice(vendorId, $"{numberPrefix}-{index}", customerKey, baseAmount + index))
            .ToList();
        var response = await api.PushAsync(vendorId, batch, cancellationToken);

        Assert.Equal(batch.Select(invoice => ((string?)invoice.InvoiceNumber, "created")), response.Results.Select(result => (result.InvoiceNumber, result.Outcome)));
        foreach (var (invoice, result) in batch.Zip(response.Results))
        {
            Assert.NotNull(result.CustomerId);
            Assert.Equal(customerIds.GetValueOrDefault(invoice.CustomerKey, result.CustomerId), result.CustomerId);
            customerIds[invoice.CustomerKey] = result.CustomerId;
        }

        return batch;
    }

    private static void AssertStatement(StatementDocument statement, string customerKey, IReadOnlyList<PushedInvoice> invoices)
    {
        var expected = invoices.Where(invoice => invoice.CustomerKey == customerKey).ToList();
        var total = Assert.Single(statement.Totals);

        Assert.Equal(
            expected.Select(invoice => $"{invoice.VendorId}/{invoice.InvoiceNumber}").Order(StringComparer.Ordinal),
            statement.Vendors.SelectMany(vendor => vendor.Invoices.Select(line => $"{vendor.VendorId}/{line.InvoiceNumber}")).Order(StringComparer.Ordinal));
        Assert.Equal(("USD", expected.Count, expected.Sum(invoice => invoice.Amount)), (total.Currency, total.OpenCount, total.OpenAmount));
    }

    /// <summary>
    /// Reads every statement and describes the first one that fails or disagrees with the invoices.
    /// Returns null when all of them agree.
    /// </summary>
    private static async Task<string?> ReadMismatchAsync(
        TermSyncApiClient api,
        IReadOnlyList<PushedInvoice> invoices,
        IReadOnlyDictionary<string, string> customerIds,
        CancellationToken cancellationToken)
    {
        foreach (var customerKey in CustomerKeys)
        {
            var customerId = customerIds[customerKey];
            StatementDocument statement;
            try
            {
                statement = await api.GetStatementAsync(customerId, AsOf, cancellationToken);
            }
            catch (HttpRequestException exception)
            {
                return exception.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return $"Reading the statement of {customerId} timed out.";
            }

            var expected = invoices.Where(invoice => invoice.CustomerKey == customerKey).ToList();
            var total = statement.Totals.SingleOrDefault();
            if (total is null || total.OpenCount != expected.Count || total.OpenAmount != expected.Sum(invoice => invoice.Amount))
            {
                return $"The statement of {customerId} has totals {string.Join("; ", statement.Totals)} for {expected.Count} invoices.";
            }
        }

        return null;
    }

    /// <summary>Awaits every start. When one fails, it kills the processes that did start and rethrows.</summary>
    private static async Task<ProcessHost[]> WhenAllOrDisposeAsync(Task<ProcessHost>[] starting)
    {
        try
        {
            return await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var start in starting.Where(start => start.IsCompletedSuccessfully))
            {
                (await start).Dispose();
            }

            throw;
        }
    }
}
