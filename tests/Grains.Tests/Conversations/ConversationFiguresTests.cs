using TermSync.Conversations;
using TermSync.Vendors;

namespace TermSync.Grains.Tests.Conversations;

[Collection(ClusterCollection.Name)]
public sealed class ConversationFiguresTests(ClusterFixture fixture)
{
    // Every instant of March 2026 before the 29th is CET in Berlin.
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);

    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Response_time_on_both_clocks()
    {
        var vendorId = await RegisterVendorAsync("Europe/Berlin");
        var figures = Grains.GetGrain<IVendorConversationFiguresGrain>(vendorId);
        var conversations = new[]
        {
            // Monday: 1 h calendar and business; resolved after 3 h.
            Conversation(vendorId, "c1", At(9, 9, 0), At(9, 10, 0), TimeSpan.FromHours(1), At(9, 12, 0), TimeSpan.FromHours(3)),

            // Monday 16:00 to Tuesday 10:00: 18 h calendar, 2 h business, computed because the summary has none.
            Conversation(vendorId, "c2", At(9, 16, 0), At(10, 10, 0), null),

            // Tuesday 09:00 to Wednesday 09:00: 24 h calendar, 8 h business; resolved Thursday 17:00 after 56 h, 24 business h.
            Conversation(vendorId, "c3", At(10, 9, 0), At(11, 9, 0), TimeSpan.FromHours(8), At(12, 17, 0), TimeSpan.FromHours(24)),

            // Opened on Friday 6 March, before the window.
            Conversation(vendorId, "c4", At(6, 16, 30), At(9, 9, 30), TimeSpan.FromHours(1), At(9, 10, 0), TimeSpan.FromHours(1.5)),

            // Half an hour; resolved after the as-of date, so not in the resolution figures.
            Conversation(vendorId, "c5", At(11, 12, 0), At(11, 12, 30), TimeSpan.FromMinutes(30), At(16, 10, 0), TimeSpan.FromHours(33)),

            // Answered after the as-of date, so unanswered at its end (Saturday 00:00): 9 h old, 2 business h.
            Conversation(vendorId, "c6", At(13, 15, 0), At(16, 9, 0), TimeSpan.FromHours(4)),

            // Never answered: at the end of Friday 13 March it is 38 h old, 15 business h.
            Conversation(vendorId, "c7", At(12, 10, 0), null, null),

            // Recorded by staff on a Saturday and answered 20 minutes later: 0 business h.
            Conversation(vendorId, "c8", At(7, 11, 0), At(7, 11, 20), TimeSpan.Zero, recordedByStaff: true),

            // Six minutes: 0.1 h on both clocks.
            Conversation(vendorId, "c9", At(12, 9, 0), At(12, 9, 6), TimeSpan.FromMinutes(6)),
        };
        foreach (var conversation in conversations)
        {
            await figures.ApplyAsync(Event(conversation));
        }

        var result = await figures.GetResponseTimeAsync(new DateOnly(2026, 3, 13), 7);

        Assert.Equal(new DurationStatistics(6, 0.75m, 24m, 24m), result.FirstResponseCalendar);
        Assert.Equal(new DurationStatistics(6, 0.75m, 8m, 8m), result.FirstResponseBusiness);
        Assert.Equal(2, result.UnansweredCount);
        Assert.Equal(38m, result.OldestUnansweredHours);
        Assert.Equal(15m, result.OldestUnansweredBusinessHours);
        Assert.Equal(new DurationStatistics(2, 29.5m, 56m, 56m), result.ResolutionCalendar);
        Assert.Equal(new DurationStatistics(2, 13.5m, 24m, 24m), result.ResolutionBusiness);
        Assert.Equal(new DateOnly(2026, 3, 7), result.WindowStart);
        Assert.Equal("Europe/Berlin", result.TimeZone);
    }

    [Fact]
    public async Task Percentile_uses_nearest_rank()
    {
        var vendorId = await RegisterVendorAsync("UTC");
        var figures = Grains.GetGrain<IVendorConversationFiguresGrain>(vendorId);
        var mondayMidnight = new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero);
        for (var hours = 1; hours <= 11; hours++)
        {
            var conversation = Conversation(vendorId, $"c{hours}", mondayMidnight, mondayMidnight.AddHours(hours), null);
            await figures.ApplyAsync(Event(conversation));
        }

        var result = await figures.GetResponseTimeAsync(new DateOnly(2026, 3, 9), 1);

        // Calendar 1..11 h: the median is the 6th value and the 90th percentile the 10th (rank ceil(9.9)).
        Assert.Equal(new DurationStatistics(11, 6m, 10m, 11m), result.FirstResponseCalendar);

        // Business hours open at 09:00, so the replies count 0 h nine times, then 1 h and 2 h.
        Assert.Equal(new DurationStatistics(11, 0m, 1m, 2m), result.FirstResponseBusiness);
        Assert.Equal(0, result.UnansweredCount);
        Assert.Null(result.OldestUnansweredHours);
        Assert.Null(result.OldestUnansweredBusinessHours);
        Assert.Equal(new DurationStatistics(0, null, null, null), result.ResolutionCalendar);
    }

    [Fact]
    public async Task Withdrawn_question_is_not_unanswered()
    {
        var vendorId = await RegisterVendorAsync("UTC");
        var figures = Grains.GetGrain<IVendorConversationFiguresGrain>(vendorId);
        var openedAt = new DateTimeOffset(2026, 3, 9, 10, 0, 0, TimeSpan.Zero);
        await figures.ApplyAsync(Event(Conversation(vendorId, "withdrawn", openedAt, null, null, openedAt.AddDays(2), TimeSpan.FromHours(16))));

        var beforeWithdrawal = await figures.GetResponseTimeAsync(new DateOnly(2026, 3, 10), 7);
        var afterWithdrawal = await figures.GetResponseTimeAsync(new DateOnly(2026, 3, 11), 7);

        Assert.Equal(1, beforeWithdrawal.UnansweredCount);
        Assert.Equal(38m, beforeWithdrawal.OldestUnansweredHours);
        Assert.Equal(0, afterWithdrawal.UnansweredCount);
        Assert.Null(afterWithdrawal.OldestUnansweredHours);
    }

    [Fact]
    public async Task Older_version_does_not_replace_newer()
    {
        var vendorId = await RegisterVendorAsync("UTC");
        var figures = Grains.GetGrain<IVendorConversationFiguresGrain>(vendorId);
        var openedAt = new DateTimeOffset(2026, 3, 9, 10, 0, 0, TimeSpan.Zero);
        var opened = Conversation(vendorId, "c1", openedAt, null, null);
        var answered = Conversation(vendorId, "c1", openedAt, openedAt.AddHours(2), TimeSpan.FromHours(2)) with { Version = 2 };

        await figures.ApplyAsync(Event(answered));
        await figures.ApplyAsync(Event(opened));
        await figures.ApplyAsync(Event(answered));

        var result = await figures.GetResponseTimeAsync(new DateOnly(2026, 3, 9), 1);
        Assert.Equal(new DurationStatistics(1, 2m, 2m, 2m), result.FirstResponseCalendar);
        Assert.Equal(0, result.UnansweredCount);
    }

    [Fact]
    public async Task Event_of_other_vendor_is_ignored()
    {
        var vendorId = await RegisterVendorAsync("UTC");
        var otherVendorId = await RegisterVendorAsync("UTC");
        var figures = Grains.GetGrain<IVendorConversationFiguresGrain>(vendorId);
        var openedAt = new DateTimeOffset(2026, 3, 9, 10, 0, 0, TimeSpan.Zero);

        await figures.ApplyAsync(Event(Conversation(otherVendorId, "c1", openedAt, null, null)));

        var result = await figures.GetResponseTimeAsync(new DateOnly(2026, 3, 9), 1);
        Assert.Equal(0, result.UnansweredCount);
    }

    [Fact]
    public async Task Dispute_rate_counts_invoices_issued_in_window()
    {
        var vendorId = await RegisterVendorAsync("Europe/Berlin");
        var figures = Grains.GetGrain<IVendorConversationFiguresGrain>(vendorId);
        var customerId = TestData.NewId("c");
        var issued = new Dictionary<string, string>
        {
            ["A"] = "2026-03-02",
            ["B"] = "2026-03-10",
            ["C"] = "2026-03-20",
            ["D"] = "2026-03-31",
            ["E"] = "2026-02-27",
            ["F"] = "2026-04-01",
            ["V"] = "2026-03-15",
        };
        foreach (var (number, date) in issued)
        {
            await Grains.Invoice(vendorId, number).IssueAsync(TestData.Draft(customerId, 100m, issued: date, due: "2026-05-01"));
        }

        await Grains.Invoice(vendorId, "V").VoidAsync(new DateOnly(2026, 3, 16));

        var questions = new[]
        {
            Conversation(vendorId, "q1", new DateTimeOffset(2026, 3, 5, 10, 0, 0, Cet), null, null, invoices: ["A"]),
            Conversation(vendorId, "q2", new DateTimeOffset(2026, 3, 25, 10, 0, 0, Cet), null, null, invoices: ["B", "E"], kind: ConversationKind.Dispute),

            // 23:30 UTC on 31 March is 01:30 on 1 April in Berlin, after the as-of date.
            Conversation(vendorId, "q3", new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.Zero), null, null, invoices: ["C"], recordedByStaff: true),
            Conversation(vendorId, "q4", new DateTimeOffset(2026, 3, 26, 10, 0, 0, Cet), null, null, invoices: ["A"]),
            Conversation(vendorId, "q5", new DateTimeOffset(2026, 3, 26, 11, 0, 0, Cet), null, null, invoices: ["V"]),
        };
        foreach (var question in questions)
        {
            await figures.ApplyAsync(Event(question));
        }

        var march = await figures.GetInvoiceAccuracyAsync(new DateOnly(2026, 3, 31), 31);
        var throughApril5 = await figures.GetInvoiceAccuracyAsync(new DateOnly(2026, 4, 5), 36);
        var january = await figures.GetInvoiceAccuracyAsync(new DateOnly(2026, 1, 31), 31);

        Assert.Equal(4, march.IssuedCount);
        Assert.Equal(2, march.QueriedCount);
        Assert.Equal(50m, march.DisputeRatePercent);
        Assert.Equal(50m, march.InvoiceAccuracyPercent);
        Assert.Equal(new DateOnly(2026, 3, 1), march.WindowStart);

        Assert.Equal(5, throughApril5.IssuedCount);
        Assert.Equal(3, throughApril5.QueriedCount);
        Assert.Equal(60m, throughApril5.DisputeRatePercent);
        Assert.Equal(40m, throughApril5.InvoiceAccuracyPercent);

        Assert.Equal(0, january.IssuedCount);
        Assert.Null(january.DisputeRatePercent);
        Assert.Null(january.InvoiceAccuracyPercent);
    }

    [Fact]
    public async Task Dispute_rate_rounds_to_two_decimals()
    {
        var vendorId = await RegisterVendorAsync("UTC");
        var figures = Grains.GetGrain<IVendorConversationFiguresGrain>(vendorId);
        var customerId = TestData.NewId("c");
        foreach (var number in new[] { "A", "B", "C" })
        {
            await Grains.Invoice(vendorId, number).IssueAsync(TestData.Draft(customerId, 10m, issued: "2026-03-02", due: "2026-04-01"));
        }

        await figures.ApplyAsync(Event(Conversation(vendorId, "q1", new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero), null, null, invoices: ["B"])));

        var result = await figures.GetInvoiceAccuracyAsync(new DateOnly(2026, 3, 31), 90);

        Assert.Equal(3, result.IssuedCount);
        Assert.Equal(1, result.QueriedCount);
        Assert.Equal(33.33m, result.DisputeRatePercent);
        Assert.Equal(66.67m, result.InvoiceAccuracyPercent);
    }

    [Fact]
    public async Task Stream_delivers_opened_conversation()
    {
        var vendorId = await RegisterVendorAsync("UTC");
        var customerId = TestData.NewId("c");
        await Grains.Invoice(vendorId, "S-1").IssueAsync(TestData.Draft(customerId, 10m));
        var conversation = Grains.GetGrain<IConversationGrain>(VendorScopedKey.Format(vendorId, "stream-1"));
        var draft = new ConversationDraft(ConversationKind.Question, [new ConversationInvoice("S-1")], null, "m1", "Customer", "Why?");

        var opened = await conversation.OpenAsync(draft);
        Assert.True(opened.Succeeded, opened.Error);
        var today = DateOnly.FromDateTime(opened.Conversation!.OpenedAt.UtcDateTime);
        var figures = Grains.GetGrain<IVendorConversationFiguresGrain>(vendorId);

        // The memory stream delivers asynchronously, so the test polls under a timeout instead of sleeping a fixed time.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var unanswered = 0;
        while (unanswered == 0 && !timeout.IsCancellationRequested)
        {
            unanswered = (await figures.GetResponseTimeAsync(today, 1)).UnansweredCount;
            if (unanswered == 0)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        Assert.Equal(1, unanswered);
    }

    private async Task<string> RegisterVendorAsync(string timeZone)
    {
        var vendorId = TestData.NewId("v");
        await Grains.GetGrain<IVendorGrain>(vendorId).RegisterAsync(new VendorProfile("Figures", $"ar@{vendorId}.example", timeZone));
        return vendorId;
    }

    private static DateTimeOffset At(int marchDay, int hour, int minute) => new(2026, 3, marchDay, hour, minute, 0, Cet);

    private static ConversationView Conversation(
        string vendorId,
        string conversationId,
        DateTimeOffset openedAt,
        DateTimeOffset? firstResponseAt,
        TimeSpan? firstResponseBusinessTime,
        DateTimeOffset? resolvedAt = null,
        TimeSpan? resolutionBusinessTime = null,
        bool recordedByStaff = false,
        string[]? invoices = null,
        ConversationKind kind = ConversationKind.Question) =>
        new(
            vendorId,
            conversationId,
            "customer-1",
            "account-1",
            kind,
            kind == ConversationKind.Dispute ? DisputeReason.Pricing : null,
            [.. (invoices ?? ["INV-1"]).Select(number => new ConversationInvoice(number))],
            resolvedAt is null ? ConversationStatus.Open : ConversationStatus.Resolved,
            recordedByStaff,
            openedAt,
            [],
            Version: 1 + (firstResponseAt is null ? 0 : 1) + (resolvedAt is null ? 0 : 1),
            FirstResponseAt: firstResponseAt,
            FirstResponseBusinessTime: firstResponseBusinessTime,
            ResolvedAt: resolvedAt,
            ResolutionBusinessTime: resolutionBusinessTime);

    private static ConversationEvent Event(ConversationView conversation) =>
        new($"{conversation.ConversationId}-{conversation.Version}", VendorEventType.QuestionOpened, conversation.OpenedAt, conversation);
}
