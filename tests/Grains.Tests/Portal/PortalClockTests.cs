using TermSync.Grains.Tests.Digests.Scheduling;
using TermSync.Portal;
using TermSync.Tests;

namespace TermSync.Grains.Tests.Portal;

/// <summary>The portal's time limits on a fake clock: the confirmation lockout and the fresh-link interval.</summary>
public sealed class PortalClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Five_wrong_addresses_lock_confirmation()
    {
        await using var cluster = await FakeClockCluster.StartAsync(Start);
        var customerId = await CustomerAsync(cluster);
        var portal = cluster.Grains.GetGrain<ICustomerPortalGrain>(customerId);
        for (var attempt = 1; attempt <= PortalRules.MaxFailedConfirmations; attempt++)
        {
            Assert.Equal(PortalConfirmation.Unknown, await portal.ConfirmAsync($"guess{attempt}@acme.example"));
            cluster.Clock.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(PortalConfirmation.TooManyAttempts, await portal.ConfirmAsync(Mailbox(customerId)));

        // The first wrong address leaves the window 15 minutes after it was typed, which frees one attempt.
        cluster.Clock.SetUtcNow(Start + PortalRules.FailureWindow - TimeSpan.FromSeconds(1));
        Assert.Equal(PortalConfirmation.TooManyAttempts, await portal.ConfirmAsync(Mailbox(customerId)));
        cluster.Clock.SetUtcNow(Start + PortalRules.FailureWindow);
        Assert.Equal(PortalConfirmation.Confirmed, await portal.ConfirmAsync(Mailbox(customerId)));
        Assert.Equal(PortalConfirmation.Unknown, await portal.ConfirmAsync("guess6@acme.example"));
        Assert.Equal(PortalConfirmation.TooManyAttempts, await portal.ConfirmAsync(Mailbox(customerId)));
    }

    [Fact]
    public async Task Lockout_ends_after_window()
    {
        await using var cluster = await FakeClockCluster.StartAsync(Start);
        var customerId = await CustomerAsync(cluster);
        var portal = cluster.Grains.GetGrain<ICustomerPortalGrain>(customerId);
        for (var attempt = 1; attempt <= PortalRules.MaxFailedConfirmations; attempt++)
        {
            Assert.Equal(PortalConfirmation.Unknown, await portal.ConfirmAsync($"guess{attempt}@acme.example"));
        }

        // Attempts made during the lockout are rejected without counting, so they do not extend it.
        for (var minute = 1; minute < PortalRules.FailureWindow.TotalMinutes; minute++)
        {
            cluster.Clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(PortalConfirmation.TooManyAttempts, await portal.ConfirmAsync($"guess{minute}@other.example"));
        }

        cluster.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(PortalConfirmation.Confirmed, await portal.ConfirmAsync(Mailbox(customerId)));
        Assert.Equal(PortalConfirmation.Unknown, await portal.ConfirmAsync("guess@acme.example"));
        Assert.Equal(PortalConfirmation.Confirmed, await portal.ConfirmAsync(Mailbox(customerId)));
    }

    [Fact]
    public async Task Fresh_link_once_per_interval()
    {
        await using var cluster = await FakeClockCluster.StartAsync(Start);
        var customerId = await CustomerAsync(cluster);
        var portal = cluster.Grains.GetGrain<ICustomerPortalGrain>(customerId);

        Assert.True(await portal.SendFreshLinkAsync());
        Assert.False(await portal.SendFreshLinkAsync());
        cluster.Clock.Advance(PortalRules.FreshLinkInterval - TimeSpan.FromSeconds(1));
        Assert.False(await portal.SendFreshLinkAsync());
        Assert.Single(FreshLinks(cluster, customerId));

        cluster.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await portal.SendFreshLinkAsync());

        var links = FreshLinks(cluster, customerId);
        Assert.Equal(2, links.Count);
        Assert.All(links, text => Assert.Contains("https://termsync.test/links/statement?token=", text));
    }

    [Fact]
    public async Task Portal_state_outlives_restart()
    {
        await using var database = await PostgresDatabase.CreateAsync(TestContext.Current.CancellationToken);
        await using var cluster = await FakeClockCluster.StartAsync(Start, postgres: database.ConnectionString, silos: 2);
        var customerId = await CustomerAsync(cluster);
        var portal = cluster.Grains.GetGrain<ICustomerPortalGrain>(customerId);
        var clerk = (await portal.InviteAsync("dana@acme.example", Mailbox(customerId))).Clerk;
        Assert.True(await portal.SendFreshLinkAsync());

        await cluster.RestartSilosAsync();

        Assert.Equal([Mailbox(customerId), "dana@acme.example"], (await portal.ListMembersAsync()).Select(member => member.Email));
        Assert.Equal(clerk, (await portal.ListMembersAsync())[1]);
        Assert.False(await portal.SendFreshLinkAsync());
        Assert.Single(FreshLinks(cluster, customerId));
    }

    private static string Mailbox(string customerId) => $"ap@{customerId}.example";

    private static async Task<string> CustomerAsync(FakeClockCluster cluster)
    {
        var customerId = TestData.NewId("c");
        var vendorId = await TestData.RegisterVendorAsync(cluster.Grains, "North");
        await cluster.Grains.Invoice(vendorId, "N-1").IssueAsync(TestData.Draft(customerId, 120m, issued: "2026-11-02", due: "2026-12-02"));
        return customerId;
    }

    private static List<string> FreshLinks(FakeClockCluster cluster, string customerId) =>
        [.. Directory.GetFiles(Path.Combine(cluster.OutboxPath, customerId), "portal-link-*.txt").Select(File.ReadAllText)];
}
