using Microsoft.Playwright;

namespace TermSync.Browser.Tests.Portal;

[Collection(PortalCollection.Name)]
public sealed class EscapingTests(PortalFixture fixture)
{
    private const string Markup = "<b>bold</b><script>window.pwned=1</script>";

    [Fact]
    public async Task Question_markup_is_shown_as_text()
    {
        var statement = await fixture.GetStatementAsync(fixture.First.CustomerId);
        var line = statement.Vendors[0].Lines[^1];
        var (page, errors) = await fixture.OpenPageAsync();
        await PortalSteps.SignInAsync(page, fixture.First);
        await page.GotoAsync(new Uri(fixture.BaseAddress, $"/portal/invoices/{line.VendorId}/{line.InvoiceNumber}").ToString());

        await page.GetByRole(AriaRole.Radio, new() { Name = "Ask a question" }).CheckAsync();
        await PortalSteps.SendToVendorAsync(page, statement.Vendor(line.VendorId).VendorName, Markup, Markup);

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Your question went to {statement.Vendor(line.VendorId).VendorName}.");
        var articleId = new Uri(page.Url).Fragment.TrimStart('#');
        var message = page.Locator($"article#{articleId} li.customer-message");
        await Assertions.Expect(message.Locator("p")).ToHaveTextAsync(Markup);
        await Assertions.Expect(message.Locator(".meta")).ToContainTextAsync(Markup);
        await AssertNoMarkupRanAsync(page);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Vendor_name_markup_is_shown_as_text()
    {
        const string vendorId = "markup-supplies";
        var vendorName = $"{Markup} Supplies";
        await fixture.PostAsAdminAsync("/vendors", new { id = vendorId, name = vendorName, contactEmail = "ar@markup.example", timeZone = "UTC" });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var customer = new { accountNumber = fixture.Second.AccountNumber, name = fixture.Second.Name, email = fixture.Second.Email };
        await fixture.PostAsAdminAsync($"/vendors/{vendorId}/invoices/batch", new
        {
            invoices = new[]
            {
                new { invoiceNumber = "M-1", customer, currency = "USD", amount = 120.50m, issueDate = today.AddDays(-10).ToString("O"), dueDate = today.AddDays(20).ToString("O") },
            },
        });
        var statement = await fixture.GetStatementAsync(fixture.Second.CustomerId);
        Assert.Contains(statement.Vendors, vendor => vendor.VendorId == vendorId);
        var (page, errors) = await fixture.OpenPageAsync();

        await PortalSteps.SignInAsync(page, fixture.Second);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = vendorName, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Vendor", new() { Exact = true }).Locator("option", new() { HasText = vendorName })).ToHaveCountAsync(1);
        await AssertNoMarkupRanAsync(page);
        Assert.Empty(errors);
    }

    private static async Task AssertNoMarkupRanAsync(IPage page)
    {
        Assert.Equal(0, await page.Locator("main b").CountAsync());
        Assert.Equal(0, await page.Locator("main script").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.pwned === undefined"), "The script inside the text ran.");
    }
}
