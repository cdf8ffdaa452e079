using TermSync.Digests;
using TermSync.Tests;

namespace TermSync.Grains.Tests.Digests.Scheduling;

/// <summary>Digests sent by the digest grain over SMTP to a server that the test starts, including failed deliveries.</summary>
public sealed class DigestDeliveryTests
{
    private static readonly DateTimeOffset SundayMorning = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset MondaySlot = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Transient_failure_stays_eligible()
    {
        await using var smtp = await TestSmtpServer.StartAsync(TestContext.Current.CancellationToken);
        await using var cluster = await FakeClockCluster.StartAsync(SundayMorning, SmtpSettings(smtp));
        var customerId = await DigestScheduleTests.PastDueCustomerAsync(cluster, "UTC");
        smtp.ReplyToNextMessages(2, 451, "Try again later");

        cluster.Clock.SetUtcNow(MondaySlot);
        var failed = await cluster.WakeAsync(customerId);
        cluster.Clock.Advance(TimeSpan.FromHours(1));
        var retried = await cluster.WakeAsync(customerId);

        Assert.Equal(DigestRunStatus.DeliveryFailed, failed.Status);
        Assert.Equal((DeliveryStatus.Failed, 2), (failed.Digest!.Delivery, failed.Digest.Attempts));
        Assert.Contains("451", failed.Digest.DeliveryDetail);
        Assert.Equal(DigestRunStatus.Sent, retried.Status);
        Assert.Equal((DeliveryStatus.Delivered, 3), (retried.Digest!.Delivery, retried.Digest.Attempts));
        Assert.Equal(failed.Digest.DigestId, retried.Digest.DigestId);
        var received = Assert.Single(await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.Equal(retried.Digest.Location, received.Message.MessageId);
        Assert.Single(await cluster.HistoryAsync(customerId));
    }

    [Fact]
    public async Task Unsubscribe_withdraws_failed_digest()
    {
        await using var smtp = await TestSmtpServer.StartAsync(TestContext.Current.CancellationToken);
        await using var cluster = await FakeClockCluster.StartAsync(SundayMorning, SmtpSettings(smtp));
        var customerId = await DigestScheduleTests.PastDueCustomerAsync(cluster, "UTC");
        var digests = cluster.Grains.GetGrain<IDigestGrain>(customerId);
        smtp.ReplyToNextMessages(2, 451, "Try again later");
        cluster.Clock.SetUtcNow(MondaySlot);
        await cluster.WakeAsync(customerId);

        await digests.UnsubscribeAsync();
        await digests.SetPreferencesAsync(DigestPreferences.Default);
        cluster.Clock.Advance(TimeSpan.FromHours(1));
        var woken = await cluster.WakeAsync(customerId);

        Assert.Equal(DigestRunStatus.NotDue, woken.Status);
        var digest = Assert.Single(await cluster.HistoryAsync(customerId));
        Assert.Equal(DeliveryStatus.Withdrawn, digest.Delivery);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task Rejected_address_is_not_retried()
    {
        await using var smtp = await TestSmtpServer.StartAsync(TestContext.Current.CancellationToken);
        await using var cluster = await FakeClockCluster.StartAsync(SundayMorning, SmtpSettings(smtp));
        var customerId = await DigestScheduleTests.PastDueCustomerAsync(cluster, "UTC");
        smtp.ReplyToRecipient($"ap@{customerId}.example", 550, "No such mailbox");

        cluster.Clock.SetUtcNow(MondaySlot);
        var rejected = await cluster.WakeAsync(customerId);
        await cluster.TickAsync(customerId, TimeSpan.FromHours(1), MondaySlot.AddDays(6));

        Assert.Equal(DigestRunStatus.DeliveryFailed, rejected.Status);
        Assert.Equal((DeliveryStatus.Rejected, 1), (rejected.Digest!.Delivery, rejected.Digest.Attempts));
        Assert.Contains("No such mailbox", rejected.Digest.DeliveryDetail);
        var digest = Assert.Single(await cluster.HistoryAsync(customerId));
        Assert.Equal((DeliveryStatus.Rejected, 1), (digest.Delivery, digest.Attempts));
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task Email_shows_open_amounts_and_totals()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var smtp = await TestSmtpServer.StartAsync(cancellationToken);
        await using var cluster = await FakeClockCluster.StartAsync(SundayMorning, SmtpSettings(smtp));
        var north = await TestData.RegisterVendorAsync(cluster.Grains, "North");
        var south = await TestData.RegisterVendorAsync(cluster.Grains, "South");
        var customerId = TestData.NewId("c");
        await cluster.Grains.Invoice(north, "A-1").IssueAsync(TestData.Draft(customerId, 1000m, issued: "2026-10-01", due: "2026-11-01"));
        await cluster.Grains.Invoice(north, "C-1").IssueAsync(TestData.Draft(customerId, 75m, issued: "2026-10-01", due: "2026-11-01"));
        await cluster.Grains.Invoice(south, "B-1").IssueAsync(TestData.Draft(customerId, 250m, issued: "2026-10-01", due: "2026-11-01"));
        await cluster.Grains.Invoice(north, "A-1").ApplyPaymentAsync("p-a", 400m, new DateOnly(2026, 11, 20));
        await cluster.Grains.Invoice(north, "C-1").ApplyPaymentAsync("p-c", 75m, new DateOnly(2026, 11, 20));

        cluster.Clock.SetUtcNow(MondaySlot);
        await cluster.WakeAsync(customerId);
        await cluster.Grains.Invoice(south, "B-1").ApplyPaymentAsync("p-b", 250m, new DateOnly(2026, 12, 8));
        cluster.Clock.SetUtcNow(MondaySlot.AddDays(7));
        await cluster.WakeAsync(customerId);
        var messages = await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(30), cancellationToken);

        var first = messages[0].Message;
        Assert.Equal($"ap@{customerId}.example", first.To.Mailboxes.Single().Address);
        Assert.Contains("Invoice A-1, issued Thursday, October 1, 2026, due Sunday, November 1, 2026: 600.00 USD open, Past due 36 days", first.TextBody);
        Assert.Contains("Invoice B-1, issued Thursday, October 1, 2026, due Sunday, November 1, 2026: 250.00 USD open, Past due 36 days", first.TextBody);
        Assert.DoesNotContain("C-1", first.TextBody);
        Assert.DoesNotContain("1,000.00", first.TextBody);
        Assert.Contains("Total owed to North: 600.00 USD", first.TextBody);
        Assert.Contains("Total owed to South: 250.00 USD", first.TextBody);
        Assert.Contains("USD: owed 850.00 USD, of which past due 850.00 USD", first.TextBody);
        Assert.Contains("600.00 USD", first.HtmlBody);

        var second = messages[1].Message;
        Assert.Contains("Invoice A-1,", second.TextBody);
        Assert.DoesNotContain("B-1", second.TextBody);
        Assert.Contains("USD: owed 600.00 USD", second.TextBody);
    }

    internal static Dictionary<string, string> SmtpSettings(TestSmtpServer smtp) => new()
    {
        ["Smtp:Host"] = smtp.Host,
        ["Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:From"] = "digests@termsync.test",
        ["Smtp:MaxAttempts"] = "2",
        ["Smtp:FirstRetryDelay"] = "00:00:00.010",
    };
}
