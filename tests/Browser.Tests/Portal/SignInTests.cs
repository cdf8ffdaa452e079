using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TermSync.Browser.Tests.Portal;

[Collection(PortalCollection.Name)]
public sealed partial class SignInTests(PortalFixture fixture)
{
    [Fact]
    public async Task Confirm_page_hides_the_account()
    {
        var statement = await fixture.GetStatementAsync(fixture.First.CustomerId);
        var (page, errors) = await fixture.OpenPageAsync();

        var response = await page.GotoAsync(fixture.First.StatementLink);

        Assert.Equal(200, response?.Status);
        Assert.Matches(SignInUrl(), page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Confirm your email address" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Email address")).ToBeEmptyAsync();
        Assert.DoesNotContain(fixture.First.Email, await page.ContentAsync(), StringComparison.OrdinalIgnoreCase);
        await PortalSteps.AssertShowsNothingOfAsync(page, statement, fixture.First);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Wrong_address_is_rejected()
    {
        var statement = await fixture.GetStatementAsync(fixture.First.CustomerId);
        var (page, _) = await fixture.OpenPageAsync();
        await page.GotoAsync(fixture.First.StatementLink);

        await page.GetByLabel("Email address").FillAsync("someone@elsewhere.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This is not the address the digest was sent to");
        await Assertions.Expect(page.GetByLabel("Email address")).ToHaveAttributeAsync("aria-invalid", "true");
        await PortalSteps.AssertShowsNothingOfAsync(page, statement, fixture.First);
    }

    [Fact]
    public async Task Digest_address_opens_the_statement()
    {
        var (page, errors) = await fixture.OpenPageAsync();

        await PortalSteps.SignInAsync(page, fixture.First);

        var session = (await page.Context.CookiesAsync()).Single(cookie => cookie.Name == "termsync_portal");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);
        Assert.Equal("/portal", session.Path);
        Assert.True(session.Expires > DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        await Assertions.Expect(page.Locator("header .customer")).ToHaveTextAsync(fixture.First.Name);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Invited_clerk_signs_in_with_own_address()
    {
        const string clerk = "robin.clerk@customer-0001.example";
        var (page, _) = await fixture.OpenPageAsync();
        await PortalSteps.SignInAsync(page, fixture.First);

        await page.GetByRole(AriaRole.Link, new() { Name = "Clerks", Exact = true }).ClickAsync();
        await page.GetByLabel("Email address").FillAsync(clerk);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();

        await Assertions.Expect(page.Locator("table.clerks")).ToContainTextAsync(clerk);
        var invitation = Assert.Single(fixture.ReadOutbox(fixture.First.CustomerId, "portal-invite-"));
        Assert.Contains(clerk, invitation, StringComparison.Ordinal);
        var (clerkPage, errors) = await fixture.OpenPageAsync();
        await PortalSteps.SignInAsync(clerkPage, fixture.First with { Email = clerk, StatementLink = PortalFixture.StatementLinkIn(invitation) });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Tampered_token_shows_nothing()
    {
        var statement = await fixture.GetStatementAsync(fixture.First.CustomerId);
        var link = fixture.First.StatementLink;
        var position = link.IndexOf("token=", StringComparison.Ordinal) + "token=".Length + 10;
        var tampered = link[..position] + (link[position] == 'A' ? 'B' : 'A') + link[(position + 1)..];
        var (page, _) = await fixture.OpenPageAsync();

        var linkResponse = await page.GotoAsync(tampered);
        var portalResponse = await page.GotoAsync(tampered.Replace("/links/statement?", "/portal/sign-in?", StringComparison.Ordinal));

        Assert.Equal(400, linkResponse?.Status);
        Assert.Equal(400, portalResponse?.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This link is not valid" })).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByLabel("Email address").CountAsync());
        await PortalSteps.AssertShowsNothingOfAsync(page, statement, fixture.First);
    }

    [Fact]
    public async Task Expired_token_offers_a_fresh_link()
    {
        var statement = await fixture.GetStatementAsync(fixture.First.CustomerId);
        var expired = fixture.SignStatementLink(fixture.First.CustomerId, DateTimeOffset.UtcNow.AddDays(-31));
        var (page, errors) = await fixture.OpenPageAsync();

        var response = await page.GotoAsync(expired);

        Assert.Equal(410, response?.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This link has expired" })).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByLabel("Email address").CountAsync());
        await PortalSteps.AssertShowsNothingOfAsync(page, statement, fixture.First);

        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a fresh link" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your inbox" })).ToBeVisibleAsync();
        await PortalSteps.AssertShowsNothingOfAsync(page, statement, fixture.First);
        var email = Assert.Single(fixture.ReadOutbox(fixture.First.CustomerId, "portal-link-"));
        var (freshPage, _) = await fixture.OpenPageAsync();
        await PortalSteps.SignInAsync(freshPage, fixture.First with { StatementLink = PortalFixture.StatementLinkIn(email) });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Other_customers_token_rejects_this_clerk()
    {
        var first = await fixture.GetStatementAsync(fixture.First.CustomerId);
        var second = await fixture.GetStatementAsync(fixture.Second.CustomerId);
        var (page, _) = await fixture.OpenPageAsync();
        await page.GotoAsync(fixture.Second.StatementLink);

        await page.GetByLabel("Email address").FillAsync(fixture.First.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This is not the address the digest was sent to");
        await PortalSteps.AssertShowsNothingOfAsync(page, first, fixture.First);
        await PortalSteps.AssertShowsNothingOfAsync(page, second, fixture.Second);
    }

    [Fact]
    public async Task Other_customers_token_in_a_session_asks_again()
    {
        var second = await fixture.GetStatementAsync(fixture.Second.CustomerId);
        var (page, _) = await fixture.OpenPageAsync();
        await PortalSteps.SignInAsync(page, fixture.First);

        await page.GotoAsync(fixture.Second.StatementLink);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Confirm your email address" })).ToBeVisibleAsync();
        var html = await page.ContentAsync();
        Assert.All(second.Lines, line => Assert.DoesNotContain(line.InvoiceNumber, html, StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Second.Name, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_customers_invoice_reads_as_not_found()
    {
        var second = await fixture.GetStatementAsync(fixture.Second.CustomerId);
        var line = second.Lines.First();
        var (page, _) = await fixture.OpenPageAsync();
        await PortalSteps.SignInAsync(page, fixture.First);

        var response = await page.GotoAsync(new Uri(fixture.BaseAddress, $"/portal/invoices/{line.VendorId}/{line.InvoiceNumber}").ToString());

        Assert.Equal(404, response?.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Invoice not found" })).ToBeVisibleAsync();
        Assert.DoesNotContain(PortalSteps.FormatAmount(line.OpenAmount, line.Currency), await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statement_without_session_is_signed_out()
    {
        var statement = await fixture.GetStatementAsync(fixture.First.CustomerId);
        var (page, _) = await fixture.OpenPageAsync();

        await page.GotoAsync(new Uri(fixture.BaseAddress, "/portal").ToString());

        Assert.EndsWith("/portal/signed-out", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are not signed in" })).ToBeVisibleAsync();
        await PortalSteps.AssertShowsNothingOfAsync(page, statement, fixture.First);
    }

    [GeneratedRegex(@"/portal/sign-in\?token=")]
    private static partial Regex SignInUrl();
}
