using TermSync.Portal;

namespace TermSync.Grains.Tests.Portal;

/// <summary>Who may open a customer's portal: the digest mailbox, invited clerks, and the invitation emails.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CustomerPortalGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Digest_mailbox_confirms_in_any_case()
    {
        var customerId = await CustomerAsync();
        var portal = Portal(customerId);

        Assert.Equal(PortalConfirmation.Confirmed, await portal.ConfirmAsync(Mailbox(customerId)));
        Assert.Equal(PortalConfirmation.Confirmed, await portal.ConfirmAsync($"  AP@{customerId.ToUpperInvariant()}.Example "));
        Assert.True(await portal.IsMemberAsync($"Ap@{customerId}.EXAMPLE"));
    }

    [Fact]
    public async Task Unknown_address_is_not_member()
    {
        var customerId = await CustomerAsync();
        var portal = Portal(customerId);

        Assert.Equal(PortalConfirmation.Unknown, await portal.ConfirmAsync($"ar@{customerId}.example"));
        Assert.Equal(PortalConfirmation.Unknown, await portal.ConfirmAsync("ap@other.example"));
        Assert.False(await portal.IsMemberAsync("ap@other.example"));
        Assert.Equal(PortalConfirmation.Confirmed, await portal.ConfirmAsync(Mailbox(customerId)));
    }

    [Fact]
    public async Task Invite_emails_link_to_clerk()
    {
        var customerId = await CustomerAsync("Acme <b>& Sons</b>");
        var portal = Portal(customerId);

        var (clerk, sent) = await portal.InviteAsync("  Dana.Clerk@Acme.example ", Mailbox(customerId));

        Assert.True(sent);

        Assert.Equal("dana.clerk@acme.example", clerk.Email);
        Assert.Equal(Mailbox(customerId), clerk.InvitedBy);
        Assert.NotNull(clerk.InvitedAt);
        Assert.False(clerk.IsDigestMailbox);
        Assert.Equal(PortalConfirmation.Confirmed, await portal.ConfirmAsync("DANA.CLERK@acme.example"));

        var text = Assert.Single(Invitations(customerId, "txt"));
        Assert.Contains($"{Mailbox(customerId)} invited you to see the open invoices of Acme <b>& Sons</b>", text);
        Assert.Contains("confirm this address (dana.clerk@acme.example)", text);
        Assert.Contains("https://termsync.test/links/statement?token=", text);
        var html = Assert.Single(Invitations(customerId, "html"));
        Assert.Contains("Acme &lt;b&gt;&amp; Sons&lt;/b&gt;", html);
        Assert.DoesNotContain("<b>", html);
    }

    [Fact]
    public async Task Invitations_stop_at_daily_limit()
    {
        var customerId = await CustomerAsync();
        var portal = Portal(customerId);
        for (var index = 0; index < PortalRules.MaxInvitationsPerDay; index++)
        {
            Assert.True((await portal.InviteAsync($"clerk{index}@acme.example", Mailbox(customerId))).Sent);
        }

        var over = await portal.InviteAsync("one.more@acme.example", Mailbox(customerId));

        Assert.False(over.Sent);
        Assert.True(await portal.IsMemberAsync("one.more@acme.example"));
        Assert.Equal(PortalRules.MaxInvitationsPerDay, Invitations(customerId, "txt").Count());
    }

    [Fact]
    public async Task Invite_again_keeps_first_date()
    {
        var customerId = await CustomerAsync();
        var portal = Portal(customerId);
        var first = (await portal.InviteAsync("dana@acme.example", Mailbox(customerId))).Clerk;
        var other = (await portal.InviteAsync("eve@acme.example", Mailbox(customerId))).Clerk;

        var again = await portal.InviteAsync("Dana@Acme.example", "eve@acme.example");

        Assert.Equal(first, again.Clerk);
        Assert.False(again.Sent);
        Assert.Equal(1, Invitations(customerId, "txt").Count(text => text.Contains("(dana@acme.example)", StringComparison.Ordinal)));
        var members = await portal.ListMembersAsync();
        Assert.Equal([Mailbox(customerId), "dana@acme.example", "eve@acme.example"], members.Select(member => member.Email));
        Assert.Equal(first, members[1]);
        Assert.Equal(other, members[2]);
    }

    [Fact]
    public async Task Invite_rejects_invalid_address()
    {
        var customerId = await CustomerAsync();
        var portal = Portal(customerId);

        foreach (var email in new[] { "", "dana", "dana@localhost", "Dana <dana@acme.example>", "dana@acme.example, eve@acme.example" })
        {
            var error = await Assert.ThrowsAsync<ArgumentException>(() => portal.InviteAsync(email, Mailbox(customerId)));
            Assert.Contains($"'{email}' is not an email address", error.Message);
        }

        Assert.Equal([Mailbox(customerId)], (await portal.ListMembersAsync()).Select(member => member.Email));
        Assert.Empty(Invitations(customerId, "txt"));
    }

    [Fact]
    public async Task Invite_stops_at_clerk_limit()
    {
        var customerId = await CustomerAsync();
        var portal = Portal(customerId);
        for (var index = 0; index < PortalRules.MaxClerks; index++)
        {
            await portal.InviteAsync($"clerk{index}@acme.example", Mailbox(customerId));
        }

        var error = await Assert.ThrowsAsync<ArgumentException>(() => portal.InviteAsync("one.more@acme.example", Mailbox(customerId)));

        Assert.Contains($"already has {PortalRules.MaxClerks} invited clerks", error.Message);
        Assert.False(await portal.IsMemberAsync("one.more@acme.example"));
        Assert.Equal(PortalRules.MaxClerks + 1, (await portal.ListMembersAsync()).Count);
        Assert.Equal("clerk0@acme.example", (await portal.InviteAsync("clerk0@acme.example", Mailbox(customerId))).Clerk.Email);
    }

    [Fact]
    public async Task Remove_ends_clerk_membership()
    {
        var customerId = await CustomerAsync();
        var portal = Portal(customerId);
        await portal.InviteAsync("dana@acme.example", Mailbox(customerId));

        Assert.True(await portal.RemoveAsync(" DANA@acme.example"));

        Assert.False(await portal.IsMemberAsync("dana@acme.example"));
        Assert.Equal(PortalConfirmation.Unknown, await portal.ConfirmAsync("dana@acme.example"));
        Assert.Equal([Mailbox(customerId)], (await portal.ListMembersAsync()).Select(member => member.Email));
        Assert.False(await portal.RemoveAsync("dana@acme.example"));
    }

    [Fact]
    public async Task Digest_mailbox_cannot_be_removed()
    {
        var customerId = await CustomerAsync();
        var portal = Portal(customerId);

        Assert.False(await portal.RemoveAsync(Mailbox(customerId).ToUpperInvariant()));

        Assert.True(await portal.IsMemberAsync(Mailbox(customerId)));
        var mailbox = Assert.Single(await portal.ListMembersAsync());
        Assert.True(mailbox.IsDigestMailbox);
        Assert.Null(mailbox.InvitedAt);
    }

    [Fact]
    public async Task Clerk_made_mailbox_is_listed_once()
    {
        var customerId = await CustomerAsync();
        var portal = Portal(customerId);
        await portal.InviteAsync("dana@acme.example", Mailbox(customerId));

        // A later invoice gives the clerk's address as the customer's email, so it becomes the digest mailbox.
        var vendorId = await TestData.RegisterVendorAsync(fixture.Grains, "East");
        var draft = TestData.Draft(customerId, 80m);
        await fixture.Grains.Invoice(vendorId, "E-1").IssueAsync(draft with { Customer = draft.Customer with { Email = "Dana@Acme.example" } });

        var member = Assert.Single(await portal.ListMembersAsync());
        Assert.Equal("dana@acme.example", member.Email);
        Assert.True(member.IsDigestMailbox);
        Assert.False(await portal.RemoveAsync("dana@acme.example"));
        Assert.True(await portal.IsMemberAsync("dana@acme.example"));
        Assert.False(await portal.IsMemberAsync(Mailbox(customerId)));
    }

    [Fact]
    public async Task Customer_without_email_has_no_mailbox()
    {
        var customerId = TestData.NewId("c");
        var vendorId = await TestData.RegisterVendorAsync(fixture.Grains, "North");
        var draft = TestData.Draft(customerId, 40m);
        await fixture.Grains.Invoice(vendorId, "N-1").IssueAsync(draft with { Customer = draft.Customer with { Email = null } });
        var portal = Portal(customerId);

        Assert.Empty(await portal.ListMembersAsync());
        Assert.False(await portal.SendFreshLinkAsync());
        Assert.Equal(PortalConfirmation.Unknown, await portal.ConfirmAsync(Mailbox(customerId)));
        Assert.False(Directory.Exists(Path.Combine(fixture.OutboxPath, customerId)));
    }

    private ICustomerPortalGrain Portal(string customerId) => fixture.Grains.GetGrain<ICustomerPortalGrain>(customerId);

    private static string Mailbox(string customerId) => $"ap@{customerId}.example";

    /// <summary>Creates a customer billed by one vendor, whose digest mailbox is <see cref="Mailbox"/>.</summary>
    private async Task<string> CustomerAsync(string? name = null)
    {
        var customerId = TestData.NewId("c");
        var vendorId = await TestData.RegisterVendorAsync(fixture.Grains, "North");
        var draft = TestData.Draft(customerId, 120m);
        await fixture.Grains.Invoice(vendorId, "N-1").IssueAsync(draft with { Customer = draft.Customer with { Name = name ?? draft.Customer.Name } });
        return customerId;
    }

    /// <summary>Returns the text or HTML part of every invitation emailed for the customer.</summary>
    private List<string> Invitations(string customerId, string extension)
    {
        var folder = Path.Combine(fixture.OutboxPath, customerId);
        return Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, $"portal-invite-*.{extension}").Select(File.ReadAllText)]
            : [];
    }
}
