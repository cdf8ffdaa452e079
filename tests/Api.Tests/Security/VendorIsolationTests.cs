using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TermSync.Api.Tests.Security;

/// <summary>
/// Calls every route under /vendors/{vendorId} of the OpenAPI document with another vendor's key. A route added
/// later is called too, and a route parameter this test has no value for fails the test instead of being skipped.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class VendorIsolationTests(ApiFixture fixture)
{
    private const string InvoiceNumber = "ISO-1";
    private const string PaymentReference = "owner-payment-1";
    private const string CreditNoteNumber = "owner-credit-1";
    private const string ConversationId = "owner-conversation-1";

    /// <summary>A delivery id of the right form; the owner has none, because no event is published in this test.</summary>
    private const string DeliveryId = "dlv_00000000000000000000000000000000";

    /// <summary>Bodies that the owner's key could send successfully. Other routes get an empty JSON object.</summary>
    private static Dictionary<string, object> Bodies(string account) => new(StringComparer.Ordinal)
    {
        ["POST /vendors/{vendorId}/invoices/batch"] = ApiRequests.Batch(ApiRequests.Invoice("ISO-2", account, 7m)),
        ["PUT /vendors/{vendorId}/invoices/{invoiceNumber}"] = ApiRequests.Invoice(InvoiceNumber, account, 1m),
        ["POST /vendors/{vendorId}/invoices/{invoiceNumber}/payments"] = new { paymentReference = "intruder-1", amount = 1m, paidOn = "2013-01-20" },
        ["POST /vendors/{vendorId}/invoices/{invoiceNumber}/void"] = new { voidedOn = "2013-01-21" },
        ["POST /vendors/{vendorId}/invoices/{invoiceNumber}/write-off"] = new { writtenOffOn = "2013-01-21" },
        ["POST /vendors/{vendorId}/payments"] = new { paymentReference = "intruder-2", customerAccount = account, currency = "USD", amount = 1m, receivedOn = "2013-01-20", allocations = Array.Empty<object>() },
        ["POST /vendors/{vendorId}/payments/{paymentReference}/reversal"] = new { reversedOn = "2013-01-21" },
        ["POST /vendors/{vendorId}/credit-notes"] = new { creditNoteNumber = "intruder-credit", invoiceNumber = InvoiceNumber, amount = 1m, issueDate = "2013-01-21" },
        ["PUT /vendors/{vendorId}/customers/{accountNumber}"] = new { name = "Intruder", email = "ap@intruder.example" },
        ["POST /vendors/{vendorId}/invoices/csv"] = new FileBody("text/csv",
            $"invoiceNumber,customerAccount,customerName,currency,amount,issueDate,dueDate\nISO-3,{account},Intruder,USD,1.00,2013-01-20,2013-02-19\n"),
        ["POST /vendors/{vendorId}/payments/csv"] = new FileBody("text/csv",
            $"paymentReference,customerAccount,currency,amount,receivedOn,invoiceNumber\nintruder-3,{account},USD,1.00,2013-01-20,{InvoiceNumber}\n"),
        ["POST /vendors/{vendorId}/credit-notes/csv"] = new FileBody("text/csv",
            $"creditNoteNumber,invoiceNumber,currency,amount,issueDate\nintruder-credit-2,{InvoiceNumber},USD,1.00,2013-01-21\n"),
        ["PUT /vendors/{vendorId}/response-settings"] = new { businessHours = Array.Empty<object>(), holidays = new[] { "2013-01-21" }, firstResponseSlaHours = (decimal?)null },
        ["POST /vendors/{vendorId}/documents/ubl"] = new FileBody("application/xml", UblInvoice("ISO-4", account)),
        ["POST /vendors/{vendorId}/conversations"] = new
        {
            conversationId = "intruder-conversation",
            kind = "dispute",
            invoices = new[] { new { invoiceNumber = InvoiceNumber } },
            reason = "other",
            authorName = "Intruder",
            text = "intruder",
            raisedAt = "2013-01-20T09:00:00Z",
        },
        ["POST /vendors/{vendorId}/conversations/{conversationId}/messages"] = new { messageId = "intruder-message", authorName = "Intruder", text = "intruder" },
        ["POST /vendors/{vendorId}/conversations/{conversationId}/resolution"] = new { outcome = "answered", authorName = "Intruder", text = "intruder" },

        // 203.0.113.0/24 is a documentation range: the URL passes every check and is never called, because no event is published.
        ["POST /vendors/{vendorId}/webhooks"] = new { url = "https://203.0.113.20/intruder", events = new[] { "question.opened" } },
    };

    /// <summary>A minimal UBL 2.1 invoice of 1.00 USD billed to <paramref name="account"/>.</summary>
    private static string UblInvoice(string number, string account) =>
        """<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" """ +
        """xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" """ +
        """xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">""" +
        $"<cbc:ID>{number}</cbc:ID><cbc:IssueDate>2013-01-20</cbc:IssueDate><cbc:DueDate>2013-02-19</cbc:DueDate>" +
        "<cbc:DocumentCurrencyCode>USD</cbc:DocumentCurrencyCode>" +
        "<cac:AccountingSupplierParty><cac:Party><cac:PartyLegalEntity><cbc:RegistrationName>Intruder</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>" +
        $"<cac:AccountingCustomerParty><cac:Party><cac:PartyIdentification><cbc:ID>{account}</cbc:ID></cac:PartyIdentification>" +
        "<cac:PartyLegalEntity><cbc:RegistrationName>Customer</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:AccountingCustomerParty>" +
        """<cac:LegalMonetaryTotal><cbc:PayableAmount currencyID="USD">1.00</cbc:PayableAmount></cac:LegalMonetaryTotal></Invoice>""";

    [Fact]
    public async Task Other_vendors_key_gets_404_everywhere()
    {
        using var owner = await fixture.CreateVendorClientAsync("Owner");
        using var intruder = await fixture.CreateVendorClientAsync("Intruder");
        var account = ApiRequests.NewId("acct");
        var pushed = await (await owner.Client.PostJsonAsync($"/vendors/{owner.VendorId}/invoices/batch", ApiRequests.Batch(ApiRequests.Invoice(InvoiceNumber, account, 100m)))).ReadJsonAsync();
        var payment = new { paymentReference = PaymentReference, customerAccount = account, currency = "USD", amount = 10m, receivedOn = "2013-01-10", allocations = new[] { new { invoiceNumber = InvoiceNumber, amount = 10m } } };
        await (await owner.Client.PostJsonAsync($"/vendors/{owner.VendorId}/payments", payment)).ReadJsonAsync();
        var creditNote = new { creditNoteNumber = CreditNoteNumber, invoiceNumber = InvoiceNumber, amount = 5m, issueDate = "2013-01-12" };
        await (await owner.Client.PostJsonAsync($"/vendors/{owner.VendorId}/credit-notes", creditNote)).ReadJsonAsync();
        var question = new
        {
            conversationId = ConversationId,
            kind = "question",
            invoices = new[] { new { invoiceNumber = InvoiceNumber } },
            authorName = "Owner's customer",
            text = "Which order is this?",
            raisedAt = "2013-01-15T09:00:00Z",
        };
        await (await owner.Client.PostJsonAsync($"/vendors/{owner.VendorId}/conversations", question)).ReadJsonAsync(HttpStatusCode.Created);
        var webhook = await (await owner.Client.PostJsonAsync($"/vendors/{owner.VendorId}/webhooks", new { url = "https://203.0.113.20/owner", events = new[] { "dispute.opened" } }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var unknownVendorId = ApiRequests.NewId("v");
        var unknownVendor = await ReadAsync(await fixture.Client.GetAsync($"/vendors/{unknownVendorId}", TestContext.Current.CancellationToken));
        var before = await SnapshotAsync(owner, account, ApiRequests.CustomerOf(pushed));

        var routes = await VendorRoutesAsync();

        Assert.Contains("POST /vendors/{vendorId}/invoices/batch", routes);
        Assert.Contains("GET /vendors/{vendorId}/invoices/{invoiceNumber}", routes);
        Assert.Contains("DELETE /vendors/{vendorId}/api-keys/{keyId}", routes);
        Assert.Contains("GET /vendors/{vendorId}/metrics/satisfaction", routes);
        Assert.Contains("GET /vendors/{vendorId}/metrics/receivables", routes);
        Assert.Contains("GET /vendors/{vendorId}/metrics/receivables/series", routes);
        Assert.Contains("GET /vendors/{vendorId}/metrics/peers", routes);
        Assert.Contains("GET /vendors/{vendorId}/customers/{customerId}/metrics/receivables", routes);
        Assert.Contains("GET /vendors/{vendorId}/customers/{customerId}/metrics/receivables/series", routes);
        Assert.Contains("POST /vendors/{vendorId}/conversations", routes);
        Assert.Contains("GET /vendors/{vendorId}/conversations", routes);
        Assert.Contains("GET /vendors/{vendorId}/conversations/{conversationId}", routes);
        Assert.Contains("POST /vendors/{vendorId}/conversations/{conversationId}/messages", routes);
        Assert.Contains("POST /vendors/{vendorId}/conversations/{conversationId}/resolution", routes);
        Assert.Contains("POST /vendors/{vendorId}/webhooks/deliveries/{deliveryId}/replay", routes);
        foreach (var route in routes)
        {
            var (method, template) = (route[..route.IndexOf(' ', StringComparison.Ordinal)], route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["vendorId"] = owner.VendorId,
                ["invoiceNumber"] = InvoiceNumber,
                ["keyId"] = owner.KeyId,
                ["accountNumber"] = account,
                ["customerId"] = ApiRequests.CustomerOf(pushed),
                ["paymentReference"] = PaymentReference,
                ["creditNoteNumber"] = CreditNoteNumber,
                ["conversationId"] = ConversationId,
                ["endpointId"] = webhook.GetProperty("endpointId").GetString()!,
                ["deliveryId"] = DeliveryId,
            };
            var body = Bodies(account).GetValueOrDefault(route) ?? new { };

            var response = await ReadAsync(await SendAsync(intruder.Client, method, Fill(route, template, values), body));
            values["vendorId"] = unknownVendorId;
            var nonexistent = await ReadAsync(await SendAsync(intruder.Client, method, Fill(route, template, values), body));

            Assert.True(response.Status == HttpStatusCode.NotFound, $"{route} with another vendor's key returned {(int)response.Status}: {response.Body}");
            Assert.Equal("application/problem+json", response.ContentType);
            Assert.Equal(nonexistent.Body, response.Body.Replace(owner.VendorId, unknownVendorId, StringComparison.Ordinal));
            Assert.Equal(unknownVendor, nonexistent);
        }

        Assert.Equal(before, await SnapshotAsync(owner, account, ApiRequests.CustomerOf(pushed)));
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync($"/vendors/{owner.VendorId}/invoices/{InvoiceNumber}", TestContext.Current.CancellationToken)).StatusCode);
    }

    /// <summary>Returns "METHOD /path" for every operation of the OpenAPI document under /vendors/{vendorId}.</summary>
    private async Task<List<string>> VendorRoutesAsync()
    {
        var document = await (await fixture.Client.GetAsync("/swagger/v1/swagger.json", TestContext.Current.CancellationToken)).ReadJsonAsync();
        return
        [
            .. document.GetProperty("paths").EnumerateObject()
                .Where(path => path.Name.StartsWith("/vendors/{vendorId}", StringComparison.Ordinal))
                .SelectMany(path => path.Value.EnumerateObject()
                    .Where(operation => operation.Name is "get" or "post" or "put" or "patch" or "delete")
                    .Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}")),
        ];
    }

    private static string Fill(string route, string template, Dictionary<string, string> values) =>
        RouteParameter().Replace(template, parameter => values.TryGetValue(parameter.Groups[1].Value, out var value)
            ? Uri.EscapeDataString(value)
            : throw new Xunit.Sdk.XunitException(
                $"{route} has the parameter {parameter.Value}, which this test has no value for; add one of the owner's values so the route is checked."));

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, object body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = body is FileBody file ? new StringContent(file.Text, System.Text.Encoding.UTF8, file.MediaType) : JsonContent.Create(body);
        }

        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<Reply> ReadAsync(HttpResponseMessage response) => new(
        response.StatusCode,
        response.Content.Headers.ContentType?.MediaType,
        await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    /// <summary>The owner's data as the admin key reads it.</summary>
    private async Task<List<string>> SnapshotAsync(VendorClient owner, string account, string customerId)
    {
        var paths = new[]
        {
            $"/vendors/{owner.VendorId}",
            $"/vendors/{owner.VendorId}/invoices/{InvoiceNumber}",
            $"/vendors/{owner.VendorId}/customers/{account}",
            $"/vendors/{owner.VendorId}/payments/{PaymentReference}",
            $"/vendors/{owner.VendorId}/credit-notes/{CreditNoteNumber}",
            $"/vendors/{owner.VendorId}/conversations/{ConversationId}",
            $"/vendors/{owner.VendorId}/api-keys",
            $"/vendors/{owner.VendorId}/response-settings",
            $"/vendors/{owner.VendorId}/webhooks",
            $"/customers/{customerId}/statement?asOf=2013-03-01",
        };
        var snapshot = new List<string>();
        foreach (var path in paths)
        {
            var response = await fixture.Client.GetAsync(path, TestContext.Current.CancellationToken);
            snapshot.Add((await response.ReadJsonAsync()).GetRawText());
        }

        return snapshot;
    }

    private sealed record Reply(HttpStatusCode Status, string? ContentType, string Body);

    /// <summary>A body of an upload route, which accepts CSV or XML instead of JSON.</summary>
    private sealed record FileBody(string MediaType, string Text);

    [GeneratedRegex(@"\{([^}:?]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
