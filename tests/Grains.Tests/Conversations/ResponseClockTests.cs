using Npgsql;
using TermSync.Conversations;
using TermSync.Grains.Tests.Digests.Scheduling;
using TermSync.Invoices;
using TermSync.Tests;
using TermSync.Vendors;

namespace TermSync.Grains.Tests.Conversations;

/// <summary>
/// The first-response clock of a vendor in New York with the default business hours (Monday to Friday 09:00 to 17:00)
/// and service level (8 business hours), on a fake clock. 6 November 2026 is a Friday, after the switch to winter time,
/// so New York is UTC-5 throughout.
/// </summary>
public sealed class ResponseClockTests
{
    private static readonly DateTimeOffset FridayAfternoon = new(2026, 11, 6, 16, 30, 0, TimeSpan.FromHours(-5));

    [Fact]
    public async Task Friday_question_answered_Monday()
    {
        await using var cluster = await FakeClockCluster.StartAsync(FridayAfternoon);
        var (vendorId, _) = await VendorWithInvoiceAsync(cluster.Grains, "INV-1");
        var conversation = Conversation(cluster.Grains, vendorId, "question-1");

        await conversation.OpenAsync(Question("INV-1"));
        cluster.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 9, 9, 30, 0, TimeSpan.FromHours(-5)));
        var answered = (await conversation.ReplyAsync(new ReplyDraft("reply-1", Party.Vendor, "Dana", "The price includes freight."))).Conversation!;

        Assert.Equal(TimeSpan.FromHours(65), answered.FirstResponseTime);
        Assert.Equal(TimeSpan.FromHours(1), answered.FirstResponseBusinessTime);
        Assert.Equal(new DateTimeOffset(2026, 11, 9, 16, 30, 0, TimeSpan.FromHours(-5)), answered.SlaDueAt);
    }

    [Fact]
    public async Task Customer_reply_does_not_stop_clock()
    {
        await using var cluster = await FakeClockCluster.StartAsync(FridayAfternoon);
        var (vendorId, _) = await VendorWithInvoiceAsync(cluster.Grains, "INV-1");
        var conversation = Conversation(cluster.Grains, vendorId, "question-1");
        await conversation.OpenAsync(Question("INV-1"));

        cluster.Clock.Advance(TimeSpan.FromMinutes(10));
        var followUp = (await conversation.ReplyAsync(new ReplyDraft("follow-up", Party.Customer, "Sam", "Any news?"))).Conversation!;
        var repeated = await conversation.ReplyAsync(new ReplyDraft("follow-up", Party.Customer, "Sam", "Any news?"));

        Assert.Null(followUp.FirstResponseAt);
        Assert.Equal(2, followUp.Messages.Count);
        Assert.Equal(ConversationCommandStatus.Unchanged, repeated.Status);
        Assert.Equal(2, repeated.Conversation!.Messages.Count);
    }

    [Fact]
    public async Task Resolution_time_is_recorded()
    {
        await using var cluster = await FakeClockCluster.StartAsync(FridayAfternoon);
        var (vendorId, _) = await VendorWithInvoiceAsync(cluster.Grains, "INV-1");
        var conversation = Conversation(cluster.Grains, vendorId, "question-1");
        await conversation.OpenAsync(Question("INV-1"));

        cluster.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 10, 10, 0, 0, TimeSpan.FromHours(-5)));
        var resolved = (await conversation.ResolveAsync(new ResolutionDraft(ResolutionOutcome.Answered, Party.Vendor, "Dana", Text: "Answered by phone."))).Conversation!;

        Assert.Equal(ConversationStatus.Resolved, resolved.Status);
        Assert.Equal(TimeSpan.FromHours(89.5), resolved.ResolutionTime);
        Assert.Equal(TimeSpan.FromHours(9.5), resolved.ResolutionBusinessTime);
        Assert.Equal(resolved.ResolvedAt, resolved.FirstResponseAt);
    }

    [Fact]
    public async Task Unanswered_question_breaches_once_across_restarts()
    {
        await using var database = await PostgresDatabase.CreateAsync(TestContext.Current.CancellationToken);
        await using var smtp = await TestSmtpServer.StartAsync(TestContext.Current.CancellationToken);
        await using var cluster = await FakeClockCluster.StartAsync(FridayAfternoon, DigestDeliveryTests.SmtpSettings(smtp), database.ConnectionString, silos: 2);
        var (vendorId, _) = await VendorWithInvoiceAsync(cluster.Grains, "INV-1");
        var key = VendorScopedKey.Format(vendorId, "question-1");
        await Conversation(cluster.Grains, vendorId, "question-1").OpenAsync(Question("INV-1"));
        Assert.Single(await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));

        await cluster.RestartSilosAsync();
        Assert.Equal(1, await ReminderCountAsync(database, key));
        cluster.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 9, 16, 29, 0, TimeSpan.FromHours(-5)));
        await Conversation(cluster.Grains, vendorId, "question-1").WakeAsync();
        Assert.Null((await Conversation(cluster.Grains, vendorId, "question-1").GetAsync())!.SlaBreachedAt);

        cluster.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 9, 16, 31, 0, TimeSpan.FromHours(-5)));
        await Conversation(cluster.Grains, vendorId, "question-1").WakeAsync();
        var breached = (await Conversation(cluster.Grains, vendorId, "question-1").GetAsync())!.SlaBreachedAt;
        await cluster.RestartSilosAsync();
        cluster.Clock.Advance(TimeSpan.FromDays(1));
        await Conversation(cluster.Grains, vendorId, "question-1").WakeAsync();
        await Conversation(cluster.Grains, vendorId, "question-1").WakeAsync();

        Assert.Equal(new DateTimeOffset(2026, 11, 9, 16, 31, 0, TimeSpan.FromHours(-5)), breached);
        Assert.Equal(breached, (await Conversation(cluster.Grains, vendorId, "question-1").GetAsync())!.SlaBreachedAt);
        var messages = await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        Assert.Equal(2, smtp.Messages.Count);
        Assert.Single(smtp.Messages, message => message.Message.Subject!.StartsWith("Reply overdue", StringComparison.Ordinal));
        Assert.Equal(0, await ReminderCountAsync(database, key));
    }

    [Fact]
    public async Task Late_staff_record_is_not_escalated()
    {
        await using var cluster = await FakeClockCluster.StartAsync(FridayAfternoon);
        var (vendorId, _) = await VendorWithInvoiceAsync(cluster.Grains, "INV-1");
        var draft = Question("INV-1") with { RecordedByStaff = true, RaisedAt = FridayAfternoon.AddDays(-7) };

        var recorded = (await Conversation(cluster.Grains, vendorId, "question-1").OpenAsync(draft)).Conversation!;
        await Conversation(cluster.Grains, vendorId, "question-1").WakeAsync();

        Assert.Equal(FridayAfternoon.AddDays(-7), recorded.OpenedAt);
        Assert.Equal(FridayAfternoon, recorded.SlaBreachedAt);
        Assert.Equal(FridayAfternoon, (await Conversation(cluster.Grains, vendorId, "question-1").GetAsync())!.SlaBreachedAt);
        await WaitForFiguresAsync(cluster.Grains, vendorId, "question-1");
        Assert.False(Directory.Exists(Path.Combine(cluster.OutboxPath, $"vendor-{vendorId}")), "The vendor was emailed about a question its staff recorded.");
    }

    /// <summary>Waits up to 30 seconds until the conversation's events reached the vendor's figures, and one second more for the other consumers.</summary>
    private static async Task WaitForFiguresAsync(IGrainFactory grains, string vendorId, string conversationId)
    {
        var figures = grains.GetGrain<IVendorConversationFiguresGrain>(vendorId);
        for (var attempt = 0; attempt < 300 && !(await figures.ListAsync(openOnly: false, limit: 100)).Any(item => item.ConversationId == conversationId); attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        }

        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
    }

    internal static async Task<(string VendorId, string CustomerId)> VendorWithInvoiceAsync(IGrainFactory grains, params string[] invoiceNumbers)
    {
        var vendorId = TestData.NewId("v");
        var customerId = TestData.NewId("c");
        await grains.GetGrain<IVendorGrain>(vendorId).RegisterAsync(new VendorProfile("North Supply", $"ar@{vendorId}.example", "America/New_York"));
        foreach (var number in invoiceNumbers)
        {
            await grains.Invoice(vendorId, number).IssueAsync(TestData.Draft(customerId, 1000m, "2026-10-01", "2026-10-31"));
        }

        return (vendorId, customerId);
    }

    internal static IConversationGrain Conversation(IGrainFactory grains, string vendorId, string conversationId) =>
        grains.GetGrain<IConversationGrain>(VendorScopedKey.Format(vendorId, conversationId));

    internal static ConversationDraft Question(string invoiceNumber) =>
        new(ConversationKind.Question, [new ConversationInvoice(invoiceNumber)], null, "opening", "Sam Clerk", "Why is freight charged twice?");

    private static async Task<long> ReminderCountAsync(PostgresDatabase database, string conversationKey)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM orleans_reminder WHERE grain_id LIKE '%' || @key", connection);
        command.Parameters.AddWithValue("key", conversationKey);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
