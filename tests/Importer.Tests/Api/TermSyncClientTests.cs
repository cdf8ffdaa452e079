using System.Net;
using System.Text;
using System.Text.Json;
using TermSync.Importer.Api;
using TermSync.Importer.Tests.Support;

namespace TermSync.Importer.Tests.Api;

public sealed class TermSyncClientTests
{
    private static readonly TermSyncClientOptions NoDelay = new() { InitialRetryDelay = TimeSpan.Zero, MaxRetryDelay = TimeSpan.Zero };

    [Fact]
    public async Task Batch_sends_camel_case_json()
    {
        var handler = new RecordingHandler();
        var client = CreateClient(handler);
        var invoice = new InvoiceRequest(
            "0000611365", new CustomerRequest("0379-NEVHP", "0379-NEVHP", "ap@0379-nevhp.example"), "USD", 55.94m,
            new DateOnly(2013, 1, 2), new DateOnly(2013, 2, 1));

        var results = await client.IssueInvoicesAsync("ledger-391", [invoice], TestContext.Current.CancellationToken);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/vendors/ledger-391/invoices/batch", request.PathAndQuery);
        var sent = request.Json.GetProperty("invoices")[0];
        Assert.Equal("0000611365", sent.GetProperty("invoiceNumber").GetString());
        Assert.Equal("0379-NEVHP", sent.GetProperty("customer").GetProperty("accountNumber").GetString());
        Assert.Equal("ap@0379-nevhp.example", sent.GetProperty("customer").GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Number, sent.GetProperty("amount").ValueKind);
        Assert.Equal(55.94m, sent.GetProperty("amount").GetDecimal());
        Assert.Equal("2013-01-02", sent.GetProperty("issueDate").GetString());
        Assert.Equal("2013-02-01", sent.GetProperty("dueDate").GetString());
        Assert.Equal([new InvoiceBatchResult("0000611365", "created", 1)], results);
    }

    [Fact]
    public async Task Invoice_number_is_escaped_in_path()
    {
        var handler = new RecordingHandler();
        var client = CreateClient(handler);

        await client.RecordPaymentAsync(
            "vendor-001", "INV 2024/7", new PaymentRequest("pay-1", 10m, new DateOnly(2024, 5, 1)), TestContext.Current.CancellationToken);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/vendors/vendor-001/invoices/INV%202024%2F7/payments", request.PathAndQuery);
        Assert.Equal("2024-05-01", request.Json.GetProperty("paidOn").GetString());
        Assert.Equal("pay-1", request.Json.GetProperty("paymentReference").GetString());
    }

    [Fact]
    public async Task Conversation_record_sends_dispute()
    {
        var handler = new RecordingHandler();
        var client = CreateClient(handler);
        var raisedAt = new DateTimeOffset(2024, 5, 2, 0, 0, 0, TimeSpan.FromHours(2));
        var conversation = new RecordConversationRequest(
            "dispute-INV-7", "dispute", [new ConversationInvoiceRequest("INV 2024/7")], "damagedGoods", "Ann Payer", "Two cases broke", raisedAt);

        await client.RecordConversationAsync("vendor-001", conversation, TestContext.Current.CancellationToken);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/vendors/vendor-001/conversations", request.PathAndQuery);
        var sent = request.Json;
        Assert.Equal("dispute-INV-7", sent.GetProperty("conversationId").GetString());
        Assert.Equal("dispute", sent.GetProperty("kind").GetString());
        var invoice = Assert.Single(sent.GetProperty("invoices").EnumerateArray());
        Assert.Equal("INV 2024/7", invoice.GetProperty("invoiceNumber").GetString());
        Assert.Equal(JsonValueKind.Null, invoice.GetProperty("disputedAmount").ValueKind);
        Assert.Equal("damagedGoods", sent.GetProperty("reason").GetString());
        Assert.Equal("Ann Payer", sent.GetProperty("authorName").GetString());
        Assert.Equal("Two cases broke", sent.GetProperty("text").GetString());
        Assert.Equal("2024-05-02T00:00:00+02:00", sent.GetProperty("raisedAt").GetString());
    }

    [Fact]
    public async Task Conversation_resolution_sends_outcome()
    {
        var handler = new RecordingHandler();
        var client = CreateClient(handler);
        var resolution = new ResolveConversationRequest("disputeRejected", null, "TermSync importer", "Resolved on 2024-05-03.");

        await client.ResolveConversationAsync("vendor-001", "dispute_a.b", resolution, TestContext.Current.CancellationToken);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/vendors/vendor-001/conversations/dispute_a.b/resolution", request.PathAndQuery);
        var sent = request.Json;
        Assert.Equal("disputeRejected", sent.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, sent.GetProperty("reference").ValueKind);
        Assert.Equal("TermSync importer", sent.GetProperty("authorName").GetString());
        Assert.Equal("Resolved on 2024-05-03.", sent.GetProperty("text").GetString());
        Assert.False(sent.TryGetProperty("resolvedOn", out _));
    }

    [Fact]
    public async Task Client_retries_server_errors()
    {
        var handler = new RecordingHandler
        {
            Respond = (request, attempt) => attempt < 3
                ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
                : new HttpResponseMessage(HttpStatusCode.Created),
        };
        var client = CreateClient(handler);

        await client.RegisterVendorAsync(
            new RegisterVendorRequest("ledger-391", "Ledger 391", "ar@ledger-391.example", "UTC"), TestContext.Current.CancellationToken);

        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Client_retries_transport_errors()
    {
        var handler = new RecordingHandler
        {
            Respond = (request, attempt) => attempt < 2
                ? throw new HttpRequestException("Connection reset")
                : new HttpResponseMessage(HttpStatusCode.OK),
        };
        var client = CreateClient(handler);

        await client.RunDigestCycleAsync(new DateOnly(2013, 6, 30), TestContext.Current.CancellationToken);

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Client_gives_up_after_max_attempts()
    {
        var handler = new RecordingHandler { Respond = (_, _) => new HttpResponseMessage(HttpStatusCode.InternalServerError) };
        var client = CreateClient(handler, NoDelay with { MaxAttempts = 4 });

        var exception = await Assert.ThrowsAsync<TermSyncApiException>(
            () => client.RunDigestCycleAsync(new DateOnly(2013, 6, 30), TestContext.Current.CancellationToken));

        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal(HttpStatusCode.InternalServerError, exception.StatusCode);
        Assert.Contains("after 4 attempts", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_rejection_carries_problem_details()
    {
        const string problem = """{"title":"One or more validation errors occurred.","status":400,"errors":{"id":["Vendor id 'Bad Id' is invalid."]}}""";
        var handler = new RecordingHandler
        {
            Respond = (_, _) => new HttpResponseMessage(HttpStatusCode.BadRequest)
            {
                Content = new StringContent(problem, Encoding.UTF8, "application/problem+json"),
            },
        };
        var client = CreateClient(handler);

        var exception = await Assert.ThrowsAsync<TermSyncApiException>(
            () => client.RegisterVendorAsync(new RegisterVendorRequest("Bad Id", "Bad", "ar@bad.example", "UTC"), TestContext.Current.CancellationToken));

        Assert.Single(handler.Requests);
        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Equal(problem, exception.ResponseBody);
        Assert.Contains("POST /vendors was rejected with 400", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Vendor id 'Bad Id' is invalid.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statement_request_carries_as_of_date()
    {
        var handler = new RecordingHandler
        {
            Respond = (_, _) => new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"customerId":"0379-NEVHP","openCount":2}""", Encoding.UTF8, "application/json"),
            },
        };
        var client = CreateClient(handler);

        var statement = await client.GetStatementAsync<JsonElement>("0379-NEVHP", new DateOnly(2013, 6, 30), TestContext.Current.CancellationToken);

        Assert.Equal("/customers/0379-NEVHP/statement?asOf=2013-06-30", Assert.Single(handler.Requests).PathAndQuery);
        Assert.Equal(2, statement.GetProperty("openCount").GetInt32());
    }

    [Fact]
    public async Task Batch_rejects_more_than_maximum()
    {
        var client = CreateClient(new RecordingHandler());
        var invoices = Enumerable.Range(0, TermSyncClient.MaxBatchSize + 1)
            .Select(number => new InvoiceRequest($"{number}", new CustomerRequest("c", "c", "ap@c.example"), "USD", 1m, default, default))
            .ToList();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => client.IssueInvoicesAsync("vendor-001", invoices, TestContext.Current.CancellationToken));
    }

    private static TermSyncClient CreateClient(RecordingHandler handler, TermSyncClientOptions? options = null) =>
        new(new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1/") }, options ?? NoDelay);
}
