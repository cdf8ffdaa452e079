using Microsoft.Playwright;

namespace TermSync.Browser.Tests.Portal;

[Collection(PortalCollection.Name)]
public sealed class AccessibilityTests(PortalFixture fixture)
{
    [Fact]
    public async Task Sign_in_page_passes_axe()
    {
        var (page, _) = await fixture.OpenPageAsync();
        await page.GotoAsync(fixture.Second.StatementLink);
        await PortalSteps.AssertAccessibleAsync(page);

        await page.GetByLabel("Email address").FillAsync("someone@elsewhere.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await PortalSteps.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Expired_link_page_passes_axe()
    {
        var (page, _) = await fixture.OpenPageAsync();

        await page.GotoAsync(fixture.SignStatementLink(fixture.Second.CustomerId, DateTimeOffset.UtcNow.AddDays(-31)));

        await PortalSteps.AssertAccessibleAsync(page);
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(375, 812)]
    public async Task Statement_passes_axe(int width, int height)
    {
        var (page, _) = await fixture.OpenPageAsync(width, height);

        await PortalSteps.SignInAsync(page, fixture.First);

        await PortalSteps.AssertAccessibleAsync(page);
    }

    [Theory]
    [InlineData("/portal/preferences")]
    [InlineData("/portal/clerks")]
    public async Task Account_page_passes_axe(string path)
    {
        var (page, _) = await fixture.OpenPageAsync();
        await PortalSteps.SignInAsync(page, fixture.First);

        var response = await page.GotoAsync(new Uri(fixture.BaseAddress, path).ToString());

        Assert.Equal(200, response?.Status);
        await PortalSteps.AssertAccessibleAsync(page);
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(375, 812)]
    public async Task Invoice_page_passes_axe(int width, int height)
    {
        var statement = await fixture.GetStatementAsync(fixture.First.CustomerId);
        var line = statement.Vendors[^1].Lines[0];
        await fixture.PostAsAdminAsync($"/customers/{fixture.First.CustomerId}/conversations", new
        {
            vendorId = line.VendorId,
            conversationId = "accessibility-question",
            kind = "question",
            invoices = new[] { new { invoiceNumber = line.InvoiceNumber } },
            authorName = "Robin Clerk",
            text = "Is the delivery note attached to this invoice?",
        });
        var (page, _) = await fixture.OpenPageAsync(width, height);
        await PortalSteps.SignInAsync(page, fixture.First);

        await page.GotoAsync(new Uri(fixture.BaseAddress, $"/portal/invoices/{line.VendorId}/{line.InvoiceNumber}").ToString());
        await Assertions.Expect(page.Locator("ol.thread")).ToContainTextAsync("Is the delivery note attached to this invoice?");
        await PortalSteps.AssertAccessibleAsync(page);
        await PortalSteps.AssertFitsWidthAsync(page, width);

        await page.GetByRole(AriaRole.Radio, new() { Name = "Dispute a charge" }).CheckAsync();
        await page.GetByLabel("Disputed amount in").FillAsync("twelve");
        await PortalSteps.SendToVendorAsync(page, statement.Vendor(line.VendorId).VendorName, "Robin Clerk", "The amount is wrong.");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The disputed amount 'twelve' is not a number");
        await PortalSteps.AssertAccessibleAsync(page);
    }
}
