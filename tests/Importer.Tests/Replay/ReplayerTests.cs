using System.Globalization;
using System.Net;
using System.Text;
using TermSync.Importer.Api;
using TermSync.Importer.Generation;
using TermSync.Importer.Ledger;
using TermSync.Importer.Replay;
using TermSync.Importer.Tests.Support;

namespace TermSync.Importer.Tests.Replay;

public sealed class ReplayerTests
{
    private static readonly TermSyncClientOptions NoDelay = new() { InitialRetryDelay = TimeSpan.Zero, MaxRetryDelay = TimeSpan.Zero };

    [Fact]
    public async Task Replay_completes_each_step_before_next()
    {
        var handler = new RecordingHandler();
        var plan = NetworkGenerator.Generate(new NetworkOptions { Seed = 3, Customers = 20, Days = 60, DisputeShare = 0.3 });

        await CreateReplayer(handler, maxConcurrency: 4).ReplayAsync(plan, cancellationToken: TestContext.Current.CancellationToken);

        var resolutionDates = ResolutionDates(plan);
        var steps = handler.Requests
            .GroupBy(request => StepOf(request, resolutionDates))
            .OrderBy(step => step.Key.Date)
            .ThenBy(step => step.Key.Order)
            .ToList();
        Assert.True(steps.Count > 60, $"Only {steps.Count} steps were replayed.");
        for (var index = 1; index < steps.Count; index++)
        {
            var previousCompleted = steps.Take(index).SelectMany(step => step).Max(request => request.CompletedAt);
            var firstStarted = steps[index].Min(request => request.StartedAt);
            Assert.True(
                previousCompleted < firstStarted,
                $"Step {steps[index].Key} started before every earlier step had completed.");
        }
    }

    [Fact]
    public async Task Replay_sends_every_event_once()
    {
        var handler = new RecordingHandler();
        var plan = NetworkGenerator.Generate(new NetworkOptions { Seed = 5, Customers = 10 });

        var summary = await CreateReplayer(handler).ReplayAsync(plan, cancellationToken: TestContext.Current.CancellationToken);

        var requests = handler.Requests.ToList();
        var sentInvoices = requests
            .Where(request => request.PathAndQuery.EndsWith("/invoices/batch", StringComparison.Ordinal))
            .SelectMany(request => request.Json.GetProperty("invoices").EnumerateArray().Select(invoice => invoice.GetProperty("invoiceNumber").GetString()))
            .Count();
        Assert.Equal(plan.Vendors.Count, requests.Count(request => request.PathAndQuery == "/vendors"));
        Assert.Equal(plan.Events.OfType<InvoiceIssue>().Count(), sentInvoices);
        Assert.Equal(plan.Events.OfType<Payment>().Count(), requests.Count(request => request.PathAndQuery.EndsWith("/payments", StringComparison.Ordinal)));
        Assert.Equal(plan.Events.OfType<DisputeOpen>().Count(), requests.Count(request => request.PathAndQuery.EndsWith("/conversations", StringComparison.Ordinal)));
        Assert.Equal(plan.Events.OfType<DisputeResolution>().Count(), requests.Count(request => request.PathAndQuery.EndsWith("/resolution", StringComparison.Ordinal)));
        Assert.Equal(plan.Vendors.Count, summary.Vendors);
        Assert.Equal(10, summary.Customers);
        Assert.Equal(sentInvoices, summary.Invoices);
        Assert.Equal(plan.Events[^1].Date, summary.LastEventDate);
    }

    [Fact]
    public async Task Replay_splits_batches_per_vendor()
    {
        var handler = new RecordingHandler();
        var day = new DateOnly(2024, 2, 1);
        var customer = new CustomerProfile("customer-1", "Customer 1", "ap@customer-1.example");
        var vendors = new[] { Vendor("vendor-a"), Vendor("vendor-b") };
        var issues = Enumerable.Range(1, 5)
            .Select(number => new InvoiceIssue(day, "vendor-a", $"A-{number}", customer, "USD", 10m, day.AddDays(30)))
            .Append(new InvoiceIssue(day, "vendor-b", "B-1", customer, "USD", 10m, day.AddDays(30)));

        await CreateReplayer(handler, batchSize: 2).ReplayAsync(new ReplayPlan(vendors, issues), cancellationToken: TestContext.Current.CancellationToken);

        var batchSizes = handler.Requests
            .Where(request => request.PathAndQuery.EndsWith("/invoices/batch", StringComparison.Ordinal))
            .Select(request => $"{request.PathAndQuery.Split('/')[2]}:{request.Json.GetProperty("invoices").GetArrayLength()}")
            .Order();
        Assert.Equal(["vendor-a:1", "vendor-a:2", "vendor-a:2", "vendor-b:1"], batchSizes);
    }

    [Fact]
    public async Task Replay_until_stops_after_date()
    {
        var handler = new RecordingHandler();
        var rows = LedgerReader.Read(LedgerFileLocator.Locate());
        var until = new DateOnly(2013, 6, 30);

        var plan = LedgerReplayPlan.Create(rows);

        var summary = await CreateReplayer(handler).ReplayAsync(plan, until, TestContext.Current.CancellationToken);

        var resolutionDates = ResolutionDates(plan);
        Assert.All(
            handler.Requests.Where(request => request.PathAndQuery != "/vendors"),
            request => Assert.True(StepOf(request, resolutionDates).Date <= until));
        Assert.Equal(rows.Count(row => row.InvoiceDate <= until), summary.Invoices);
        Assert.Equal(rows.Count(row => row.SettledDate <= until), summary.Payments);
        Assert.Equal(rows.Count(row => row.Disputed && LedgerReplayPlan.DisputeOpenedOn(row) <= until), summary.DisputesOpened);
        Assert.Equal(rows.Count(row => row.Disputed && row.SettledDate <= until), summary.DisputesResolved);
        Assert.Equal(5, summary.Vendors);
        Assert.True(summary.LastEventDate <= until);
    }

    [Fact]
    public async Task Replay_sends_dispute_as_conversation()
    {
        var handler = new RecordingHandler();
        var day = new DateOnly(2024, 3, 31);
        var customer = new CustomerProfile("customer-1", "Customer 1", "ap@customer-1.example");
        var vendor = new VendorProfile("vendor-a", "Vendor A", "ar@vendor-a.example", "Europe/Berlin");
        var events = new ReplayEvent[]
        {
            new InvoiceIssue(day, "vendor-a", "A/1", customer, "EUR", 10m, day.AddDays(30)),
            new DisputeOpen(day, "vendor-a", "A/1", "not-received", "Goods were not received", "Customer 1"),
            new DisputeResolution(day.AddDays(5), "vendor-a", "A/1"),
        };

        await CreateReplayer(handler).ReplayAsync(new ReplayPlan([vendor], events), cancellationToken: TestContext.Current.CancellationToken);

        var conversationId = DisputeConversations.ConversationIdFor("A/1");
        var opening = Assert.Single(handler.Requests, request => request.PathAndQuery == "/vendors/vendor-a/conversations");
        Assert.Equal(conversationId, opening.Json.GetProperty("conversationId").GetString());
        Assert.Equal("dispute", opening.Json.GetProperty("kind").GetString());
        Assert.Equal("A/1", Assert.Single(opening.Json.GetProperty("invoices").EnumerateArray()).GetProperty("invoiceNumber").GetString());
        Assert.Equal("notReceived", opening.Json.GetProperty("reason").GetString());
        Assert.Equal("Customer 1", opening.Json.GetProperty("authorName").GetString());
        Assert.Equal("Goods were not received", opening.Json.GetProperty("text").GetString());

        // 2024-03-31 starts in Berlin before the switch to summer time at 02:00, so at +01:00.
        Assert.Equal("2024-03-31T00:00:00+01:00", opening.Json.GetProperty("raisedAt").GetString());

        var resolution = Assert.Single(handler.Requests, request => request.PathAndQuery.EndsWith("/resolution", StringComparison.Ordinal));
        Assert.Equal($"/vendors/vendor-a/conversations/{conversationId}/resolution", resolution.PathAndQuery);
        Assert.Equal("disputeRejected", resolution.Json.GetProperty("outcome").GetString());
        Assert.Equal(DisputeConversations.ResolverName, resolution.Json.GetProperty("authorName").GetString());
        Assert.Equal("Resolved on 2024-04-05 in the imported records.", resolution.Json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Replay_rejects_unknown_time_zone()
    {
        var handler = new RecordingHandler();
        var vendor = new VendorProfile("vendor-a", "Vendor A", "ar@vendor-a.example", "Mars/Olympus_Mons");

        var exception = await Assert.ThrowsAsync<TimeZoneNotFoundException>(
            () => CreateReplayer(handler).ReplayAsync(new ReplayPlan([vendor], []), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("'Mars/Olympus_Mons' of vendor vendor-a", exception.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Replay_stops_at_rejected_request()
    {
        const string problem = """{"title":"Payment exceeds the open amount","status":409}""";
        var handler = new RecordingHandler
        {
            Respond = (request, _) => request.PathAndQuery.EndsWith("/payments", StringComparison.Ordinal)
                ? new HttpResponseMessage(HttpStatusCode.Conflict) { Content = new StringContent(problem, Encoding.UTF8, "application/problem+json") }
                : RecordingHandler.DefaultResponse(request),
        };
        var rows = LedgerRows(
            "391,A-1,1/1/2013,0000000001,1/2/2013,2/1/2013,10.00,No,1/5/2013,Paper,3,0",
            "391,A-1,1/1/2013,0000000002,1/9/2013,2/8/2013,20.00,No,1/20/2013,Paper,11,0");

        var exception = await Assert.ThrowsAsync<TermSyncApiException>(
            () => CreateReplayer(handler).ReplayAsync(LedgerReplayPlan.Create(rows), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Conflict, exception.StatusCode);
        Assert.Contains("Payment exceeds the open amount", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(handler.Requests, request => request.PathAndQuery.Contains("0000000002", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Replay_stops_at_rejected_invoice()
    {
        const string batchResponse =
            """{"results":[{"invoiceNumber":"0000000001","outcome":"rejected","version":null,"errors":[{"field":"invoices[0]","value":"0000000001","reason":"Invoice 0000000001 is paid and cannot change."}]}],"created":0,"updated":0,"unchanged":0,"rejected":1}""";
        var handler = new RecordingHandler
        {
            Respond = (request, _) => request.PathAndQuery.EndsWith("/invoices/batch", StringComparison.Ordinal)
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(batchResponse, Encoding.UTF8, "application/json") }
                : RecordingHandler.DefaultResponse(request),
        };
        var rows = LedgerRows("391,A-1,1/1/2013,0000000001,1/2/2013,2/1/2013,10.00,No,1/5/2013,Paper,3,0");

        var exception = await Assert.ThrowsAsync<TermSyncApiException>(
            () => CreateReplayer(handler).ReplayAsync(LedgerReplayPlan.Create(rows), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("rejected invoice 0000000001", exception.Message, StringComparison.Ordinal);
        Assert.Contains("is paid and cannot change", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(handler.Requests, request => request.PathAndQuery.EndsWith("/payments", StringComparison.Ordinal));
    }

    private static Replayer CreateReplayer(RecordingHandler handler, int maxConcurrency = 8, int batchSize = 1000)
    {
        var client = new TermSyncClient(new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1/") }, NoDelay);
        return new Replayer(client, new ReplayerOptions { MaxConcurrency = maxConcurrency, BatchSize = batchSize });
    }

    private static VendorProfile Vendor(string id) => new(id, id, $"ar@{id}.example", "UTC");

    private static IReadOnlyList<LedgerRow> LedgerRows(params string[] lines) => Ledger.LedgerRows.Parse(lines);

    /// <summary>Returns the business date of each dispute resolution of a plan, keyed by vendor and conversation id.</summary>
    private static Dictionary<(string VendorId, string ConversationId), DateOnly> ResolutionDates(ReplayPlan plan) =>
        plan.Events.OfType<DisputeResolution>().ToDictionary(
            resolution => (resolution.VendorId, DisputeConversations.ConversationIdFor(resolution.InvoiceNumber)),
            resolution => resolution.Date);

    /// <summary>
    /// Returns the business date and the step of the day (vendor registration first) of a recorded request. A resolution
    /// carries no date, so its date comes from <paramref name="resolutionDates"/>.
    /// </summary>
    private static (DateOnly Date, int Order) StepOf(
        RecordedRequest request, IReadOnlyDictionary<(string VendorId, string ConversationId), DateOnly> resolutionDates)
    {
        var path = request.PathAndQuery;
        if (path == "/vendors")
        {
            return (DateOnly.MinValue, -1);
        }

        if (path.EndsWith("/invoices/batch", StringComparison.Ordinal))
        {
            var dates = request.Json.GetProperty("invoices").EnumerateArray().Select(invoice => invoice.GetProperty("issueDate").GetString()).Distinct().ToList();
            Assert.Single(dates);
            return (DateOnly.Parse(dates[0]!, CultureInfo.InvariantCulture), 0);
        }

        var segments = path.Split('/');
        if (path.EndsWith("/conversations", StringComparison.Ordinal))
        {
            // raisedAt carries the vendor's offset, so its date part is the business date in the vendor's time zone.
            var raisedAt = DateTimeOffset.Parse(request.Json.GetProperty("raisedAt").GetString()!, CultureInfo.InvariantCulture);
            return (DateOnly.FromDateTime(raisedAt.DateTime), 1);
        }

        if (path.EndsWith("/resolution", StringComparison.Ordinal))
        {
            return (resolutionDates[(segments[2], Uri.UnescapeDataString(segments[4]))], 2);
        }

        if (path.EndsWith("/payments", StringComparison.Ordinal))
        {
            return (DateOnly.Parse(request.Json.GetProperty("paidOn").GetString()!, CultureInfo.InvariantCulture), 3);
        }

        throw new InvalidOperationException($"Unexpected request path {path}.");
    }
}
