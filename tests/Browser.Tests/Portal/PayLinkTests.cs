using System.Globalization;
using Microsoft.Playwright;

namespace TermSync.Browser.Tests.Portal;

[Collection(PortalCollection.Name)]
public sealed class PayLinkTests(PortalFixture fixture)
{
    [Fact]
    public async Task Pay_link_fills_the_vendor_template()
    {
        var statement = await fixture.GetStatementAsync(fixture.First.CustomerId);
        var vendor = statement.Vendors[0];
        var line = vendor.Lines[0];
        var template = new Uri(fixture.BaseAddress, "/pay-page-of-the-vendor?invoice={invoiceNumber}&amount={amount}&currency={currency}&account={accountNumber}");
        await fixture.PutAsAdminAsync($"/vendors/{vendor.VendorId}/payment-page", new { urlTemplate = Uri.UnescapeDataString(template.ToString()) });
        var (page, _) = await fixture.OpenPageAsync();
        await PortalSteps.SignInAsync(page, fixture.First);

        await page.GotoAsync(new Uri(fixture.BaseAddress, $"/portal/invoices/{line.VendorId}/{line.InvoiceNumber}").ToString());

        var amount = line.Owed.ToString(line.Currency == "JPY" ? "F0" : "F2", CultureInfo.InvariantCulture);
        var pay = page.GetByRole(AriaRole.Link, new() { Name = $"Pay {PortalSteps.FormatAmount(line.Owed, line.Currency)} on {vendor.VendorName}'s payment page" });
        var expected = new Uri(fixture.BaseAddress,
            $"/pay-page-of-the-vendor?invoice={line.InvoiceNumber}&amount={amount}&currency={line.Currency}&account={fixture.First.AccountNumber}");
        await Assertions.Expect(pay).ToHaveAttributeAsync("href", expected.ToString());
        await PortalSteps.AssertAccessibleAsync(page);
    }
}
