using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using TermSync.Grains.Digests.Links;

namespace TermSync.Api.Tests.Portal;

/// <summary>The portal's statement page, its downloads and the invoice page, signed in through the real form.</summary>
[Collection(ApiCollection.Name)]
public sealed class StatementPageTests(ApiFixture fixture)
{
    [Fact]
    public async Task Statement_groups_two_vendors_with_totals()
    {
        using var portal = new PortalClient(fixture);
        var (customerId, mailbox, _) = await CreateTwoVendorCustomerAsync();
        await portal.SignInAsync(customerId, mailbox);

        var html = await portal.GetPageAsync("/portal");

        Assert.Contains("<h2 id=\"vendor-", html);
        Assert.Contains(">North Supply</h2>", html);
        Assert.Contains(">South &amp; Co &lt;b&gt;</h2>", html);
        Assert.Contains("<td data-label=\"Owed\" class=\"amount\">120.00 USD</td>", html);
        Assert.Contains("<td data-label=\"Owed\" class=\"amount\">80.50 USD</td>", html);
        Assert.Contains("<td data-label=\"Owed\" class=\"amount\">200.50 USD</td>", html);
        Assert.DoesNotContain("<b>", html);
    }

    [Fact]
    public async Task Filter_keeps_one_vendor()
    {
        using var portal = new PortalClient(fixture);
        var (customerId, mailbox, southId) = await CreateTwoVendorCustomerAsync();
        await portal.SignInAsync(customerId, mailbox);

        var html = await portal.GetPageAsync($"/portal?vendor={southId}");

        Assert.Contains("Totals of the invoices shown", html);
        Assert.Contains(">S-1</a>", html);
        Assert.DoesNotContain(">P-1</a>", html);
    }

    [Fact]
    public async Task Downloads_give_csv_and_pdf()
    {
        using var portal = new PortalClient(fixture);
        var (customerId, mailbox, _) = await CreateTwoVendorCustomerAsync();
        await portal.SignInAsync(customerId, mailbox);

        using var csv = await portal.GetResponseAsync("/portal/statement.csv");
        var csvText = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        using var pdf = await portal.GetResponseAsync("/portal/statement.pdf");
        var pdfBytes = await pdf.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains(",P-1,USD,", csvText);
        Assert.Contains(",S-1,USD,", csvText);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF"u8.ToArray(), pdfBytes[..4]);
    }

    [Fact]
    public async Task Pages_need_a_session()
    {
        using var portal = new PortalClient(fixture);

        foreach (var path in new[] { "/portal", "/portal/statement.csv", "/portal/statement.pdf", "/portal/invoices/x/P-1", "/portal/preferences" })
        {
            using var response = await portal.GetResponseAsync(path);
            await PortalClient.AssertRedirectAsync(response, "/portal/signed-out");
        }
    }

    [Fact]
    public async Task Other_customers_invoice_is_not_found()
    {
        using var owner = new PortalClient(fixture);
        var (_, _, southId) = await CreateTwoVendorCustomerAsync();
        using var other = new PortalClient(fixture);
        var (otherId, otherMailbox) = await other.CreateCustomerAsync();
        await other.SignInAsync(otherId, otherMailbox);

        var (status, html) = await other.GetAsync($"/portal/invoices/{southId}/S-1");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Invoice not found", html);
        Assert.DoesNotContain("80.50", html);
        Assert.DoesNotContain("South", html);
    }

    [Fact]
    public async Task Pay_link_uses_vendor_template()
    {
        using var portal = new PortalClient(fixture);
        var (customerId, mailbox, southId) = await CreateTwoVendorCustomerAsync();
        var template = new { urlTemplate = "https://pay.south.example/{invoiceNumber}?amount={amount}&currency={currency}" };
        using var set = await fixture.Client.PutAsJsonAsync($"/vendors/{southId}/payment-page", template, TestContext.Current.CancellationToken);
        Assert.True(set.IsSuccessStatusCode, $"Setting the payment page gave {(int)set.StatusCode}.");
        await portal.SignInAsync(customerId, mailbox);

        var statement = await portal.GetPageAsync("/portal");
        var invoice = await portal.GetPageAsync($"/portal/invoices/{southId}/S-1");

        Assert.Contains("href=\"https://pay.south.example/S-1?amount=80.50&amp;currency=USD\"", statement);
        Assert.Contains("href=\"https://pay.south.example/S-1?amount=80.50&amp;currency=USD\"", invoice);
        Assert.DoesNotContain("pay.south.example/P-1", statement);
    }

    [Fact]
    public async Task Promise_reaches_vendor_and_statement()
    {
        using var portal = new PortalClient(fixture);
        var (customerId, mailbox, southId) = await CreateTwoVendorCustomerAsync();
        await portal.SignInAsync(customerId, mailbox);
        var page = $"/portal/invoices/{southId}/S-1";
        var promised = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5);

        var posted = await portal.PostAsync(page, "Notice", new Dictionary<string, string>
        {
            ["Kind"] = "Promised", ["Date"] = promised.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["AuthorName"] = "Ann Clerk",
        });

        await PortalClient.AssertRedirectAsync(posted, page);
        Assert.Contains("You told the vendor you will pay on", await portal.GetPageAsync(page));
        Assert.Contains("you promised payment on", await portal.GetPageAsync("/portal"));
        var seenByVendor = await (await fixture.Client.GetAsync($"/vendors/{southId}/invoices/S-1", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal("promised", seenByVendor.GetProperty("paymentNotice").GetProperty("kind").GetString());
        Assert.Equal(promised.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), seenByVendor.GetProperty("paymentNotice").GetProperty("date").GetString());
    }

    [Fact]
    public async Task Past_promise_is_rejected()
    {
        using var portal = new PortalClient(fixture);
        var (customerId, mailbox, southId) = await CreateTwoVendorCustomerAsync();
        await portal.SignInAsync(customerId, mailbox);
        var page = $"/portal/invoices/{southId}/S-1";

        using var posted = await portal.PostAsync(page, "Notice", new Dictionary<string, string>
        {
            ["Kind"] = "Promised", ["Date"] = "2013-01-01", ["AuthorName"] = "Ann Clerk",
        });
        var html = await posted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("The notice was not sent:", html);
        Assert.DoesNotContain("You told the vendor", html);
    }

    [Fact]
    public async Task Promise_keeps_literal_percent_2F()
    {
        using var portal = new PortalClient(fixture);
        var (customerId, mailbox, southId) = await CreateTwoVendorCustomerAsync();
        var account = mailbox["ap@".Length..^".example".Length];
        using var pushed = await fixture.Client.PostJsonAsync(
            $"/vendors/{southId}/invoices/batch", ApiRequests.Batch(ApiRequests.Invoice("S%2F2", account, 40m), ApiRequests.Invoice("S/2", account, 30m)));
        Assert.True(pushed.IsSuccessStatusCode, $"Pushing the invoices gave {(int)pushed.StatusCode}.");
        await portal.SignInAsync(customerId, mailbox);
        var page = $"/portal/invoices/{southId}/S%252F2";
        var promised = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var posted = await portal.PostAsync(page, "Notice", new Dictionary<string, string>
        {
            ["Kind"] = "Promised", ["Date"] = promised, ["AuthorName"] = "Ann Clerk",
        });

        await PortalClient.AssertRedirectAsync(posted, page);
        Assert.Contains("You told the vendor you will pay on", await portal.GetPageAsync(page));
        Assert.DoesNotContain("You told the vendor", await portal.GetPageAsync($"/portal/invoices/{southId}/S/2"));
        var slashed = await (await fixture.Client.GetAsync($"/vendors/{southId}/invoices/S%2F2", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.True(
            !slashed.TryGetProperty("paymentNotice", out var notice) || notice.ValueKind == System.Text.Json.JsonValueKind.Null,
            $"Invoice S/2 got the notice meant for S%2F2: {notice}");
    }

    [Fact]
    public async Task Ambiguous_disputed_amount_is_rejected()
    {
        using var portal = new PortalClient(fixture);
        var (customerId, mailbox, southId) = await CreateTwoVendorCustomerAsync();
        await portal.SignInAsync(customerId, mailbox);
        var page = $"/portal/invoices/{southId}/S-1";

        using var posted = await portal.PostAsync(page, "Ask", new Dictionary<string, string>
        {
            ["ConversationId"] = $"c{Guid.NewGuid():N}", ["Kind"] = "Dispute", ["Reason"] = "Pricing", ["DisputedAmount"] = "1,200",
            ["AuthorName"] = "Ann Clerk", ["Text"] = "The price is wrong.",
        });
        var html = await posted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var invoice = await (await fixture.Client.GetAsync($"/vendors/{southId}/invoices/S-1", TestContext.Current.CancellationToken)).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("can be read as thousands or as decimals", html);
        Assert.False(invoice.GetProperty("disputeOpen").GetBoolean());
    }

    [Fact]
    public async Task Download_extension_ignores_case()
    {
        using var portal = new PortalClient(fixture);
        var (customerId, mailbox, _) = await CreateTwoVendorCustomerAsync();
        await portal.SignInAsync(customerId, mailbox);

        using var pdf = await portal.GetResponseAsync("/portal/statement.PDF");

        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Pay_link_leads_to_invoice_page()
    {
        using var portal = new PortalClient(fixture);
        var (customerId, mailbox, southId) = await CreateTwoVendorCustomerAsync();
        var token = portal.InvoiceToken(DigestLinkPurpose.Pay, customerId, southId, "S-1");

        var payPage = await portal.GetPageAsync($"/links/pay?token={token}");
        var signInPath = $"/portal/sign-in?token={token}";
        var signIn = await portal.GetPageAsync(signInPath);
        var confirmed = await portal.PostFormAsync(signInPath, signIn, new Dictionary<string, string> { ["Token"] = token, ["Email"] = mailbox });

        Assert.Contains($"<a href=\"{signInPath}\">See all your open invoices in the portal</a>", payPage);
        await PortalClient.AssertRedirectAsync(confirmed, $"/portal/invoices/{southId}/S-1");
    }

    [Fact]
    public async Task Ask_form_rejects_foreign_conversation_id()
    {
        using var portal = new PortalClient(fixture);
        var (customerId, mailbox, southId) = await CreateTwoVendorCustomerAsync();
        await portal.SignInAsync(customerId, mailbox);
        var page = $"/portal/invoices/{southId}/S-1";

        using var posted = await portal.PostAsync(page, "Ask", new Dictionary<string, string>
        {
            ["ConversationId"] = "dispute-S-1", ["Kind"] = "Question", ["AuthorName"] = "Ann", ["Text"] = "Which order is this?",
        });
        var html = await posted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("The form is out of date.", html);
        Assert.DoesNotContain("already open", html);
    }

    [Fact]
    public async Task Negative_disputed_amount_names_the_rule()
    {
        using var portal = new PortalClient(fixture);
        var (customerId, mailbox, southId) = await CreateTwoVendorCustomerAsync();
        await portal.SignInAsync(customerId, mailbox);
        var page = $"/portal/invoices/{southId}/S-1";

        using var posted = await portal.PostAsync(page, "Ask", new Dictionary<string, string>
        {
            ["ConversationId"] = $"c{Guid.NewGuid():N}", ["Kind"] = "Dispute", ["Reason"] = "Pricing", ["DisputedAmount"] = "-5",
            ["AuthorName"] = "Ann Clerk", ["Text"] = "The price is wrong.",
        });
        var html = await posted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("must be greater than zero", html);
        Assert.DoesNotContain("is not a number", html);
    }

    /// <summary>Bills one account at two vendors, the second with markup in its name, and returns the customer, its mailbox and the second vendor.</summary>
    private async Task<(string CustomerId, string Mailbox, string SouthId)> CreateTwoVendorCustomerAsync()
    {
        var account = ApiRequests.NewId("acc");
        var north = await ApiRequests.CreateVendorAsync(fixture.Client, "North Supply");
        var south = await ApiRequests.CreateVendorAsync(fixture.Client, "South & Co <b>");
        var pushed = await (await fixture.Client.PostJsonAsync($"/vendors/{north}/invoices/batch", ApiRequests.Batch(ApiRequests.Invoice("P-1", account, 120m))))
            .ReadJsonAsync();
        await (await fixture.Client.PostJsonAsync($"/vendors/{south}/invoices/batch", ApiRequests.Batch(ApiRequests.Invoice("S-1", account, 80.5m))))
            .ReadJsonAsync();
        return (ApiRequests.CustomerOf(pushed), $"ap@{account}.example", south);
    }
}
