using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Microsoft.Playwright;

namespace TermSync.Browser.Tests.Portal;

/// <summary>The clerk's whole path through the portal, from the digest link to the digest preferences, in one test.</summary>
[Collection(PortalCollection.Name)]
public sealed class WalkTests(PortalFixture fixture)
{
    [Fact]
    public async Task Clerk_walks_from_digest_to_preferences()
    {
        var customer = fixture.First;
        var (page, errors) = await fixture.OpenPageAsync();

        // Open the digest link: the confirmation page shows nothing of the account.
        var statement = await fixture.GetStatementAsync(customer.CustomerId);
        await page.GotoAsync(customer.StatementLink);
        await PortalSteps.AssertShowsNothingOfAsync(page, statement, customer);

        // Confirm the address the digest went to.
        await page.GetByLabel("Email address").FillAsync(customer.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync(PortalSteps.StatementUrl());

        // See the invoices of at least three vendors with the totals the test computes from the API's statement.
        var view = await StatementView.ReadAsync(page);
        Assert.True(statement.Vendors.Count >= 3, $"The first customer has open invoices of {statement.Vendors.Count} vendors.");
        Assert.Equal(statement.Vendors.Select(vendor => vendor.VendorName).Order(StringComparer.OrdinalIgnoreCase), view.Vendors.Select(vendor => vendor.Name));
        Assert.Equal(ExpectedTotal.Of(statement.Lines), view.Totals);

        // Ask a question about one invoice, from its page.
        var questioned = statement.Vendors[0].Lines.First(line => !line.Disputed);
        const string question = "Which purchase order does this invoice bill?";
        await OpenInvoiceAsync(page, statement, questioned);
        await page.GetByRole(AriaRole.Radio, new() { Name = "Ask a question" }).CheckAsync();
        await PortalSteps.SendToVendorAsync(page, statement.Vendor(questioned.VendorId).VendorName, "Robin Clerk", question);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Your question went to {statement.Vendor(questioned.VendorId).VendorName}.");
        await Assertions.Expect(page.Locator("ol.thread").GetByText(question)).ToBeVisibleAsync();

        // Open a dispute on half of another vendor's invoice: that half moves from owed to under review.
        var disputed = statement.Vendors[1].Lines.First(line => !line.Disputed && line.OpenAmount >= 2m);
        var disputedAmount = decimal.Round(disputed.OpenAmount / 2, disputed.Currency == "JPY" ? 0 : 2);
        await OpenInvoiceAsync(page, statement, disputed);
        await page.GetByRole(AriaRole.Radio, new() { Name = "Dispute a charge" }).CheckAsync();
        await page.GetByLabel("Reason, for a dispute").SelectOptionAsync(new SelectOptionValue { Label = "The price differs from the order" });
        await page.GetByLabel("Disputed amount in").FillAsync(disputedAmount.ToString(CultureInfo.InvariantCulture));
        await PortalSteps.SendToVendorAsync(page, statement.Vendor(disputed.VendorId).VendorName, "Robin Clerk", "The unit price should be the contract price.");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your dispute went to");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync(PortalSteps.FormatAmount(disputedAmount, disputed.Currency));
        var afterDispute = (await fixture.GetStatementAsync(customer.CustomerId)).Lines
            .Single(line => line.VendorId == disputed.VendorId && line.InvoiceNumber == disputed.InvoiceNumber);
        Assert.True(afterDispute.Disputed);
        Assert.Equal(disputedAmount, afterDispute.DisputedAmount);
        Assert.Equal(disputed.OpenAmount - disputedAmount, afterDispute.Owed);

        // Promise a payment date on a third vendor's invoice: the vendor's invoice shows the promise, and the next digest leaves the invoice out.
        var promised = statement.Vendors[2].Lines.First(line => !line.Disputed);
        var promiseDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.True(await IsInDigestAsync(customer, promised), $"The digest leaves {promised.InvoiceNumber} out before any promise.");
        await OpenInvoiceAsync(page, statement, promised);
        var vendorName = statement.Vendor(promised.VendorId).VendorName;
        var noticeForm = page.GetByRole(AriaRole.Form, new() { Name = $"Tell {vendorName} when you pay", Exact = true });
        await noticeForm.GetByRole(AriaRole.Radio, new() { Name = "I will pay on the date below" }).CheckAsync();
        await noticeForm.GetByLabel("Date", new() { Exact = true }).FillAsync(promiseDate);
        await noticeForm.GetByLabel("Your name").FillAsync("Robin Clerk");
        await noticeForm.GetByRole(AriaRole.Button, new() { Name = $"Tell {vendorName}", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{vendorName} now knows you will pay on");
        var notice = (await fixture.GetAsAdminAsync($"/vendors/{promised.VendorId}/invoices/{promised.InvoiceNumber}")).GetProperty("paymentNotice");
        Assert.Equal("promised", notice.GetProperty("kind").GetString());
        Assert.Equal(promiseDate, notice.GetProperty("date").GetString());
        Assert.False(await IsInDigestAsync(customer, promised), $"The digest still lists {promised.InvoiceNumber} after the promise.");

        // Answer the pending satisfaction survey on the statement page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Open invoices", Exact = true }).ClickAsync();
        var survey = page.GetByRole(AriaRole.Region, new() { Name = "How satisfied are you with" });
        await survey.GetByLabel("4").CheckAsync();
        await survey.GetByLabel("Comment (optional)").FillAsync("Quick answers this quarter.");
        await survey.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Thank you. Your answer went to the vendor.");
        var surveys = await fixture.GetAsAdminAsync($"/customers/{customer.CustomerId}/surveys");
        var answer = Assert.Single(surveys.GetProperty("answers").EnumerateArray()).GetProperty("answer");
        Assert.Equal(4, answer.GetProperty("score").GetInt32());

        // Download the statement as CSV and as PDF.
        var current = await fixture.GetStatementAsync(customer.CustomerId);
        var csv = await DownloadAsync(page, "CSV");
        var pdf = await DownloadAsync(page, "PDF");
        AssertCsvMatches(current, csv);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);

        // Change the digest frequency.
        await page.GetByRole(AriaRole.Link, new() { Name = "Digest preferences", Exact = true }).ClickAsync();
        await page.GetByLabel("Frequency").SelectOptionAsync(new SelectOptionValue { Label = "Twice a week" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save preferences" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        var preferences = await fixture.GetAsAdminAsync($"/customers/{customer.CustomerId}/digest-preferences");
        Assert.Equal("twiceWeekly", preferences.GetProperty("preferences").GetProperty("frequency").GetString());

        Assert.Empty(errors);
    }

    /// <summary>Returns whether the digest the customer would get today lists the invoice of <paramref name="line"/>.</summary>
    private async Task<bool> IsInDigestAsync(PortalCustomer customer, ApiLine line)
    {
        var preview = await fixture.GetAsAdminAsync($"/customers/{customer.CustomerId}/digests/preview");
        return preview.GetProperty("lines").EnumerateArray().Any(listed =>
            listed.GetProperty("vendorId").GetString() == line.VendorId && listed.GetProperty("invoiceNumber").GetString() == line.InvoiceNumber);
    }

    /// <summary>Follows the statement row's action link of <paramref name="line"/> to its invoice page.</summary>
    private async Task OpenInvoiceAsync(IPage page, ApiStatement statement, ApiLine line)
    {
        if (!PortalSteps.StatementUrl().IsMatch(page.Url))
        {
            await page.GotoAsync(new Uri(fixture.BaseAddress, "/portal").ToString());
        }

        var section = page.GetByRole(AriaRole.Region, new() { Name = statement.Vendor(line.VendorId).VendorName, Exact = true });
        await section.GetByRole(AriaRole.Link, new() { Name = $"Pay, ask or dispute invoice {line.InvoiceNumber}", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/portal/invoices/{line.VendorId}/{line.InvoiceNumber}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Invoice {line.InvoiceNumber}", Level = 1 })).ToBeVisibleAsync();
    }

    private static async Task<byte[]> DownloadAsync(IPage page, string linkName)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = linkName, Exact = true }).ClickAsync());
        Assert.Null(await download.FailureAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, TestContext.Current.CancellationToken);
        return copy.ToArray();
    }

    /// <summary>
    /// Checks that the CSV has one row per open invoice of the statement, under the header, with the open amount, the
    /// amount under review and the amount owed that the API reports.
    /// </summary>
    private static void AssertCsvMatches(ApiStatement statement, byte[] csv)
    {
        using var reader = new CsvReader(new StreamReader(new MemoryStream(csv)), CultureInfo.InvariantCulture);
        Assert.True(reader.Read(), "The CSV is empty.");
        Assert.True(reader.ReadHeader(), "The CSV has no header row.");
        var rows = new Dictionary<(string VendorId, string InvoiceNumber), (decimal Open, decimal UnderReview, decimal Owed)>();
        while (reader.Read())
        {
            rows.Add(
                (reader.GetField("Vendor ID")!, reader.GetField("Invoice number")!),
                (reader.GetField<decimal>("Open amount"), reader.GetField<decimal>("Under review"), reader.GetField<decimal>("Owed")));
        }

        Assert.Equal(statement.Lines.Count(), rows.Count);
        foreach (var line in statement.Lines)
        {
            Assert.True(rows.TryGetValue((line.VendorId, line.InvoiceNumber), out var row), $"The CSV has no row for {line.VendorId} {line.InvoiceNumber}.");
            Assert.Equal((line.OpenAmount, line.DisputedAmount, line.Owed), row);
        }
    }
}
