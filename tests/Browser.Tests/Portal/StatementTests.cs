using Microsoft.Playwright;
using TermSync.Browser.Tests.Hosting;

namespace TermSync.Browser.Tests.Portal;

[Collection(PortalCollection.Name)]
public sealed class StatementTests(PortalFixture fixture)
{
    [Fact]
    public async Task Vendors_and_totals_match_the_API()
    {
        var (page, errors) = await fixture.OpenPageAsync();
        await PortalSteps.SignInAsync(page, fixture.First);

        var statement = await fixture.GetStatementAsync(fixture.First.CustomerId);
        var view = await StatementView.ReadAsync(page);

        Assert.True(statement.Vendors.Count >= 3, $"The first customer has open invoices of {statement.Vendors.Count} vendors.");
        AssertMatches(statement, statement.Lines, view);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Vendor_filter_keeps_one_vendor()
    {
        var statement = await fixture.GetStatementAsync(fixture.First.CustomerId);
        var vendor = statement.Vendors[1];
        var (page, _) = await fixture.OpenPageAsync();
        await PortalSteps.SignInAsync(page, fixture.First);

        await page.GetByLabel("Vendor", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = vendor.VendorName });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();

        await page.WaitForURLAsync($"**/portal?vendor={vendor.VendorId}*");
        AssertMatches(statement, vendor.Lines, await StatementView.ReadAsync(page));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Totals of the invoices shown" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Vendor", new() { Exact = true })).ToHaveValueAsync(vendor.VendorId);
    }

    [Fact]
    public async Task Past_due_filter_keeps_past_due_invoices()
    {
        var statement = await fixture.GetStatementAsync(fixture.First.CustomerId);
        var pastDue = statement.Lines.Where(line => line.DaysPastDue > 0).ToList();
        var (page, _) = await fixture.OpenPageAsync();
        await PortalSteps.SignInAsync(page, fixture.First);

        await page.GetByLabel("Past due only").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();

        await page.WaitForURLAsync("**/portal?*pastDue=true*");
        Assert.NotEmpty(pastDue);
        Assert.True(pastDue.Count < statement.Lines.Count(), "Every open invoice is past due, so the filter cannot be seen to narrow the rows.");
        AssertMatches(statement, pastDue, await StatementView.ReadAsync(page));
        await Assertions.Expect(page.GetByLabel("Past due only")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task Disputed_filter_keeps_invoices_under_review()
    {
        // The test opens a dispute itself, so the filter has a row to keep even when the generated network left none open.
        var before = await fixture.GetStatementAsync(fixture.First.CustomerId);
        var disputedLine = before.Vendors[^1].Lines[^1];
        await fixture.PostAsAdminAsync($"/customers/{fixture.First.CustomerId}/conversations", new
        {
            vendorId = disputedLine.VendorId,
            conversationId = "filter-test-dispute",
            kind = "dispute",
            invoices = new[] { new { invoiceNumber = disputedLine.InvoiceNumber } },
            reason = "quantity",
            authorName = "Robin Clerk",
            text = "Two of the ten crates were missing.",
        });
        var statement = await fixture.GetStatementAsync(fixture.First.CustomerId);
        var disputed = statement.Lines.Where(line => line.Disputed).ToList();
        var (page, _) = await fixture.OpenPageAsync();
        await PortalSteps.SignInAsync(page, fixture.First);

        await page.GetByLabel("Disputed only").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();

        await page.WaitForURLAsync("**/portal?*disputed=true*");
        Assert.Contains(disputed, line => line.InvoiceNumber == disputedLine.InvoiceNumber && line.VendorId == disputedLine.VendorId);
        AssertMatches(statement, disputed, await StatementView.ReadAsync(page));
        var underReview = page.GetByRole(AriaRole.Region, new() { Name = "Under review" });
        await Assertions.Expect(underReview.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(disputed.Count(line => line.DisputedAmount > 0));
    }

    [Theory]
    [InlineData("Amount owed")]
    [InlineData("Days past due")]
    [InlineData("Invoice number")]
    [InlineData("Due date")]
    public async Task Sort_orders_each_vendor(string sort)
    {
        var statement = await fixture.GetStatementAsync(fixture.First.CustomerId);
        var (page, _) = await fixture.OpenPageAsync();
        await PortalSteps.SignInAsync(page, fixture.First);

        await page.GetByLabel("Sort by").SelectOptionAsync(new SelectOptionValue { Label = sort });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();

        await page.WaitForURLAsync("**/portal?*sort=*");
        var view = await StatementView.ReadAsync(page);
        foreach (var vendor in statement.Vendors)
        {
            var byNumber = vendor.Lines.OrderBy(line => line.InvoiceNumber, StringComparer.Ordinal);
            var expected = sort switch
            {
                "Amount owed" => vendor.Lines.OrderByDescending(line => line.Owed).ThenBy(line => line.InvoiceNumber, StringComparer.Ordinal),
                "Days past due" => vendor.Lines.OrderByDescending(line => line.DaysPastDue).ThenBy(line => line.InvoiceNumber, StringComparer.Ordinal),
                "Invoice number" => byNumber,
                _ => vendor.Lines.OrderBy(line => line.DueDate).ThenBy(line => line.InvoiceNumber, StringComparer.Ordinal),
            };
            Assert.Equal(expected.Select(line => line.InvoiceNumber), view.Vendors.Single(shown => shown.Name == vendor.VendorName).InvoiceNumbers);
        }
    }

    [Fact]
    public async Task Statement_fits_a_phone_screen()
    {
        var (page, _) = await fixture.OpenPageAsync(375, 812);
        await PortalSteps.SignInAsync(page, fixture.First);

        await PortalSteps.AssertFitsWidthAsync(page, 375);
        // On a phone each cell shows its column name before its value, so an empty cell would show a label with nothing after it.
        var emptyCells = await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('td[data-label]')].filter(cell => cell.textContent.trim() === '' && cell.checkVisibility()).length");
        Assert.Equal(0, emptyCells);
    }

    [Fact]
    public async Task Statement_screenshots_for_the_docs()
    {
        var (desktop, _) = await fixture.OpenPageAsync(1280, 900);
        var (phone, _) = await fixture.OpenPageAsync(390, 844);
        await PortalSteps.SignInAsync(desktop, fixture.First);
        await PortalSteps.SignInAsync(phone, fixture.First);

        Assert.NotEmpty(await Screenshots.SaveAsync(desktop, "portal-statement-desktop.png"));
        Assert.NotEmpty(await Screenshots.SaveAsync(phone, "portal-statement-phone.png"));
    }

    /// <summary>
    /// Checks that the page shows exactly <paramref name="lines"/>, grouped under their vendors' names, with totals per
    /// vendor and over all vendors that equal the sums the test computes from the lines.
    /// </summary>
    private static void AssertMatches(ApiStatement statement, IEnumerable<ApiLine> lines, StatementView view)
    {
        var kept = lines.ToList();
        var vendors = kept.GroupBy(line => line.VendorId).Select(group => statement.Vendor(group.Key)).ToList();

        Assert.Equal(ExpectedTotal.Of(kept), view.Totals);
        Assert.Equal(vendors.Select(vendor => vendor.VendorName).Order(StringComparer.OrdinalIgnoreCase), view.Vendors.Select(vendor => vendor.Name));
        foreach (var vendor in vendors)
        {
            var shown = view.Vendors.Single(candidate => candidate.Name == vendor.VendorName);
            var vendorLines = kept.Where(line => line.VendorId == vendor.VendorId).ToList();
            Assert.Equal(vendorLines.Select(line => line.InvoiceNumber).Order(StringComparer.Ordinal), shown.InvoiceNumbers.Order(StringComparer.Ordinal));
            Assert.Equal(ExpectedTotal.Of(vendorLines).Select(total => (total.Owed, total.Currency)), shown.Owed);
        }
    }
}
