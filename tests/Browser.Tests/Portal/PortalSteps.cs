using System.Globalization;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace TermSync.Browser.Tests.Portal;

/// <summary>What a clerk does on the portal, and the checks that several tests share.</summary>
public static partial class PortalSteps
{
    /// <summary>The axe-core tags of the WCAG 2.0, 2.1 and 2.2 success criteria at levels A and AA.</summary>
    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>Opens the customer's digest link, confirms the digest address and waits for the statement.</summary>
    public static async Task SignInAsync(IPage page, PortalCustomer customer)
    {
        var response = await page.GotoAsync(customer.StatementLink);
        Assert.Equal(200, response?.Status);
        await page.GetByLabel("Email address").FillAsync(customer.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync(StatementUrl());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open invoices", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Returns the invoice page's section with the form that sends the vendor a question or opens a dispute.</summary>
    public static ILocator AskSection(IPage page, string vendorName) =>
        page.GetByRole(AriaRole.Region, new() { Name = $"Ask {vendorName} or dispute a charge", Exact = true });

    /// <summary>Fills the invoice page's question and dispute form with the author's name and <paramref name="text"/>, and sends it.</summary>
    public static async Task SendToVendorAsync(IPage page, string vendorName, string authorName, string text)
    {
        var ask = AskSection(page, vendorName);
        await ask.GetByLabel("Your name").FillAsync(authorName);
        await ask.GetByLabel("Message", new() { Exact = true }).FillAsync(text);
        await ask.GetByRole(AriaRole.Button, new() { Name = $"Send to {vendorName}", Exact = true }).ClickAsync();
    }

    /// <summary>
    /// Checks that the page's HTML, hidden fields included, names none of the customer's vendors, invoices or open amounts,
    /// nor the customer's name or id, and that the browser has no portal session cookie.
    /// </summary>
    public static async Task AssertShowsNothingOfAsync(IPage page, ApiStatement statement, PortalCustomer customer)
    {
        var html = await page.ContentAsync();
        var session = (await page.Context.CookiesAsync()).Where(cookie => cookie.Name == "termsync_portal");

        Assert.DoesNotContain(customer.Name, html, StringComparison.Ordinal);
        Assert.DoesNotContain(customer.CustomerId, html, StringComparison.Ordinal);
        Assert.All(statement.Vendors, vendor => Assert.DoesNotContain(vendor.VendorName, html, StringComparison.Ordinal));
        Assert.All(statement.Lines, line => Assert.DoesNotContain(line.InvoiceNumber, html, StringComparison.Ordinal));
        Assert.All(statement.Lines, line => Assert.DoesNotContain(FormatAmount(line.OpenAmount, line.Currency), html, StringComparison.Ordinal));
        Assert.Empty(session);
    }

    /// <summary>Runs axe-core in the page with the WCAG A and AA rules and fails with every violation found.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags } });

        var violations = result.Violations.Select(violation =>
            $"{violation.Id} ({violation.Impact}): {violation.Help} at {string.Join(", ", violation.Nodes.Select(node => node.Target.ToString()))}");
        Assert.True(result.Violations.Length == 0, $"axe-core found violations on {page.Url}:\n{string.Join("\n", violations)}");
    }

    /// <summary>Checks that the page is no wider than the viewport, so it does not scroll sideways.</summary>
    public static async Task AssertFitsWidthAsync(IPage page, int viewportWidth)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

        Assert.True(scrollWidth <= viewportWidth, $"{page.Url} is {scrollWidth} px wide on a {viewportWidth} px screen, so it scrolls sideways.");
    }

    /// <summary>Formats an amount as the portal does in English, such as "1,234.56 USD" or "1,235 JPY".</summary>
    public static string FormatAmount(decimal amount, string currency) =>
        string.Create(CultureInfo.InvariantCulture, $"{amount.ToString(currency == "JPY" ? "N0" : "N2", CultureInfo.InvariantCulture)} {currency}");

    /// <summary>The statement page, with or without a query string.</summary>
    [GeneratedRegex(@"/portal(\?.*)?$")]
    public static partial Regex StatementUrl();
}
