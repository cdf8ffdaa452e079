using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TermSync.Browser.Tests.Portal;

[Collection(PortalCollection.Name)]
public sealed partial class KeyboardTests(PortalFixture fixture)
{
    // More Tab presses than the statement page has controls before the first invoice row, so a lost focus fails fast.
    private const int MaxTabs = 60;

    [Fact]
    public async Task Skip_link_moves_focus_to_main()
    {
        var (page, _) = await fixture.OpenPageAsync();
        await PortalSteps.SignInAsync(page, fixture.First);

        await page.Keyboard.PressAsync("Tab");

        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("content", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [Fact]
    public async Task Filter_form_works_by_keyboard()
    {
        var statement = await fixture.GetStatementAsync(fixture.First.CustomerId);
        var (page, _) = await fixture.OpenPageAsync();
        await PortalSteps.SignInAsync(page, fixture.First);

        var firstVendor = statement.Vendors.MinBy(vendor => vendor.VendorName, StringComparer.CurrentCultureIgnoreCase)!;
        await TabToAsync(page, "#filter-vendor");
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.Locator("#filter-vendor")).ToHaveValueAsync(firstVendor.VendorId);
        await TabToAsync(page, "input[name='pastDue']");
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("input[name='pastDue']")).ToBeCheckedAsync();
        await TabToAsync(page, "form.filters button[type='submit']");
        var navigation = page.WaitForURLAsync(FilteredUrl());
        await page.Keyboard.PressAsync("Enter");
        await navigation;

        Assert.Contains($"vendor={firstVendor.VendorId}", page.Url, StringComparison.Ordinal);
        Assert.Contains("pastDue=true", page.Url, StringComparison.Ordinal);
        var view = await StatementView.ReadAsync(page);
        Assert.All(view.Vendors, vendor => Assert.Equal(firstVendor.VendorName, vendor.Name));
    }

    [Fact]
    public async Task Invoice_action_opens_by_keyboard()
    {
        var (page, _) = await fixture.OpenPageAsync();
        await PortalSteps.SignInAsync(page, fixture.First);

        // A vendor's Pay link comes first in the cell once another test in the collection sets a payment page.
        await TabToAsync(page, "td[data-label='Actions'] a[href^='/portal/invoices/']");
        var target = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')");
        Assert.StartsWith("/portal/invoices/", target, StringComparison.Ordinal);
        var navigation = page.WaitForURLAsync(new Uri(fixture.BaseAddress, target).ToString());
        await page.Keyboard.PressAsync("Enter");
        await navigation;
    }

    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/>, and fails after <see cref="MaxTabs"/> presses.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var presses = 0; presses < MaxTabs; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("selector => document.activeElement.matches(selector)", selector))
            {
                return;
            }
        }

        Assert.Fail($"{MaxTabs} presses of Tab did not reach {selector}.");
    }

    [GeneratedRegex(@"/portal\?.*vendor=")]
    private static partial Regex FilteredUrl();
}
