using System.Net;

namespace TermSync.Api.Tests.Portal;

/// <summary>The portal's clerks page: members, invitations by email and removal, driven through its forms.</summary>
[Collection(ApiCollection.Name)]
public sealed class ClerksPageTests(ApiFixture fixture)
{
    private const string Page = "/portal/clerks";

    [Fact]
    public async Task Mailbox_is_listed_and_not_removable()
    {
        using var portal = new PortalClient(fixture);
        var (customerId, mailbox) = await portal.CreateCustomerAsync();
        await portal.SignInAsync(customerId, mailbox);

        var html = await portal.GetPageAsync(Page);

        Assert.Contains($"<th scope=\"row\" data-label=\"Email address\">{mailbox} (you)</th>", html);
        Assert.Contains("Digest mailbox: receives the digests. Your vendors set this address.", html);
        Assert.Contains("<td data-label=\"Actions\">Cannot be removed</td>", html);
        Assert.DoesNotContain("aria-label=\"Remove", html);
        Assert.Contains("<label for=\"invite-email\">Email address</label>", html);
        Assert.Contains("aria-describedby=\"invite-email-hint\"", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task Invited_clerk_signs_in_and_is_removed()
    {
        using var portal = new PortalClient(fixture);
        var (customerId, mailbox) = await portal.CreateCustomerAsync();
        await portal.SignInAsync(customerId, mailbox);

        var invited = await portal.PostAsync(Page, "Invite", new Dictionary<string, string> { ["email"] = " Dana@Acme.example " });

        await PortalClient.AssertRedirectAsync(invited, Page);
        var html = await portal.GetPageAsync(Page);
        Assert.Contains("Invitation sent to dana@acme.example.", html);
        Assert.Matches($@"<td data-label=""Access"">Invited by {mailbox.Replace(".", @"\.", StringComparison.Ordinal)} on [A-Z][a-z]+, [A-Z][a-z]+ \d{{1,2}}, \d{{4}}</td>", html);
        Assert.Contains("aria-label=\"Remove dana@acme.example\"", html);
        var invitation = Assert.Single(Directory.GetFiles(Path.Combine(fixture.OutboxPath, customerId), "portal-invite-*.txt"));
        Assert.Contains($"{mailbox} invited you", await File.ReadAllTextAsync(invitation, TestContext.Current.CancellationToken));

        using var dana = new PortalClient(fixture);
        await dana.SignInAsync(customerId, "DANA@acme.example");
        var seenByDana = await dana.GetPageAsync(Page);
        Assert.Contains("dana@acme.example (you)", seenByDana);
        Assert.Contains("Another member can remove you", seenByDana);
        Assert.DoesNotContain("aria-label=\"Remove dana@acme.example\"", seenByDana);

        var removedSelf = await dana.PostAsync(Page, "Remove", new Dictionary<string, string> { ["email"] = "dana@acme.example" });
        await PortalClient.AssertRedirectAsync(removedSelf, Page);
        Assert.Contains("You cannot remove yourself. Another member of the portal can remove you.", await dana.GetPageAsync(Page));

        var removedMailbox = await dana.PostAsync(Page, "Remove", new Dictionary<string, string> { ["email"] = mailbox });
        await PortalClient.AssertRedirectAsync(removedMailbox, Page);
        Assert.Contains($"{mailbox} is the digest mailbox, which the vendors set; it cannot be removed.", await dana.GetPageAsync(Page));

        var removed = await portal.PostAsync(Page, "Remove", new Dictionary<string, string> { ["email"] = "dana@acme.example" });
        await PortalClient.AssertRedirectAsync(removed, Page);
        var afterRemoval = await portal.GetPageAsync(Page);
        Assert.Contains("dana@acme.example is removed and can no longer open this portal.", afterRemoval);
        Assert.DoesNotContain("aria-label=\"Remove dana@acme.example\"", afterRemoval);
        using var danaAfter = await dana.GetResponseAsync(Page);
        await PortalClient.AssertRedirectAsync(danaAfter, "/portal/signed-out");

        var removedAgain = await portal.PostAsync(Page, "Remove", new Dictionary<string, string> { ["email"] = "dana@acme.example" });
        await PortalClient.AssertRedirectAsync(removedAgain, Page);
        Assert.Contains("dana@acme.example is not an invited clerk, so nothing was removed.", await portal.GetPageAsync(Page));
    }

    [Fact]
    public async Task Invite_again_is_held_for_a_while()
    {
        using var portal = new PortalClient(fixture);
        var (customerId, mailbox) = await portal.CreateCustomerAsync();
        await portal.SignInAsync(customerId, mailbox);
        await portal.PostAsync(Page, "Invite", new Dictionary<string, string> { ["email"] = "dana@acme.example" });

        var again = await portal.PostAsync(Page, "Invite", new Dictionary<string, string> { ["email"] = "dana@acme.example" });
        await PortalClient.AssertRedirectAsync(again, Page);
        Assert.Contains("No email went to dana@acme.example now: an address gets at most one invitation every 10 minutes", await portal.GetPageAsync(Page));

        var mailboxAgain = await portal.PostAsync(Page, "Invite", new Dictionary<string, string> { ["email"] = mailbox.ToUpperInvariant() });
        await PortalClient.AssertRedirectAsync(mailboxAgain, Page);
        Assert.Contains($"{mailbox} is the digest mailbox and can already sign in; a new link was sent to it.", await portal.GetPageAsync(Page));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(fixture.OutboxPath, customerId), "portal-invite-*.txt").Length);
    }

    [Theory]
    [InlineData("", "Email address is missing; type the address of the clerk to invite, such as ap@example.com.")]
    [InlineData("dana", "Email address: &#x27;dana&#x27; is not an email address; type one address such as ap@example.com, without a name.")]
    [InlineData("Dana <dana@acme.example>", "Email address: &#x27;Dana &lt;dana@acme.example&gt;&#x27; is not an email address;")]
    [InlineData("<script>alert(1)</script>@acme.example", "Email address: &#x27;&lt;script&gt;alert(1)&lt;/script&gt;@acme.example&#x27; is not an email address;")]
    public async Task Invalid_address_is_named(string email, string error)
    {
        using var portal = new PortalClient(fixture);
        var (customerId, mailbox) = await portal.CreateCustomerAsync();
        await portal.SignInAsync(customerId, mailbox);

        var response = await portal.PostAsync(Page, "Invite", new Dictionary<string, string> { ["email"] = email });

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<p id=\"invite-email-error\" class=\"error\" role=\"alert\">{error}", html);
        Assert.Contains("aria-describedby=\"invite-email-hint invite-email-error\"", html);
        Assert.Contains("aria-invalid=\"true\"", html);
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.False(Directory.Exists(Path.Combine(fixture.OutboxPath, customerId)), "An invitation went out for an invalid address.");
    }
}
