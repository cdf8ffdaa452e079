using System.Net;
using TermSync.Grains.Digests.Links;

namespace TermSync.Api.Tests.Conversations;

[Collection(ApiCollection.Name)]
public sealed class ConversationLinkTests(ApiFixture fixture) : IDisposable
{
    private readonly ConversationLinkClient links = new(fixture);

    [Fact]
    public async Task Ask_link_opens_question()
    {
        var (vendorId, customerId, askToken) = await InvoiceAsync("Q-1", 100m);
        var (status, page) = await links.GetAsync($"/links/ask?token={askToken}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<form method=\"post\" action=\"ask\">", page);
        Assert.Contains("<option value=\"duplicateBilling\">Duplicate billing</option>", page);
        Assert.Contains($"mailto:ar@{vendorId}.example", page);

        var nonce = ConversationLinkClient.HiddenValue(page, "nonce");
        var sent = await links.PostFormAsync("/links/ask", AskFields(askToken, nonce, "question", text: "Which order is this?"));
        var thread = await ConversationLinkClient.AssertThreadRedirectAsync(sent, "/links/ask");
        var (threadStatus, threadPage) = await links.GetAsync(thread);

        Assert.Equal(HttpStatusCode.OK, threadStatus);
        Assert.Contains("<h1>Your question</h1>", threadPage);
        Assert.Contains("Which order is this?", threadPage);
        Assert.Contains("<strong>Dana</strong> (you)", threadPage);
        Assert.Contains("Open, waiting for the vendor", threadPage);
        var conversation = await GetConversationAsync(customerId, vendorId, nonce);
        Assert.Equal("question", conversation.GetProperty("kind").GetString());
        Assert.False(conversation.GetProperty("recordedByStaff").GetBoolean());
        Assert.Equal($"{nonce}-opening", conversation.GetProperty("messages")[0].GetProperty("messageId").GetString());
        Assert.Equal(0m, (await links.StatementLineAsync(customerId, "Q-1")).GetProperty("disputedAmount").GetDecimal());
    }

    [Fact]
    public async Task Ask_link_opens_partial_dispute()
    {
        var (vendorId, customerId, askToken) = await InvoiceAsync("D-1", 100m);
        var nonce = ConversationLinkClient.HiddenValue((await links.GetAsync($"/links/ask?token={askToken}")).Html, "nonce");

        var sent = await links.PostFormAsync("/links/ask", AskFields(askToken, nonce, "dispute", reason: "pricing", disputedAmount: "30.00"));
        var thread = await ConversationLinkClient.AssertThreadRedirectAsync(sent, "/links/ask");
        var threadPage = (await links.GetAsync(thread)).Html;

        Assert.Contains("<h1>Your dispute</h1>", threadPage);
        Assert.Contains("<dt>Reason</dt><dd>Pricing</dd>", threadPage);
        Assert.Contains("<td>100.00 USD</td><td>30.00 USD</td>", threadPage);
        var line = await links.StatementLineAsync(customerId, "D-1");
        Assert.Equal(30m, line.GetProperty("disputedAmount").GetDecimal());
        Assert.Equal(70m, line.GetProperty("owedAmount").GetDecimal());
        var invoice = await (await fixture.Client.GetAsync($"/vendors/{vendorId}/invoices/D-1", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.True(invoice.GetProperty("disputeOpen").GetBoolean());
        var conversation = await GetConversationAsync(customerId, vendorId, nonce);
        Assert.Equal(30m, conversation.GetProperty("invoices")[0].GetProperty("disputedAmount").GetDecimal());
    }

    [Fact]
    public async Task Resubmitted_form_opens_once()
    {
        var (vendorId, customerId, askToken) = await InvoiceAsync("R-1", 50m);
        var nonce = ConversationLinkClient.HiddenValue((await links.GetAsync($"/links/ask?token={askToken}")).Html, "nonce");
        var fields = AskFields(askToken, nonce, "dispute", reason: "quantity");

        var first = await ConversationLinkClient.AssertThreadRedirectAsync(await links.PostFormAsync("/links/ask", fields), "/links/ask");
        var again = await ConversationLinkClient.AssertThreadRedirectAsync(await links.PostFormAsync("/links/ask", fields), "/links/ask");
        var changed = await links.PostFormAsync("/links/ask", AskFields(askToken, nonce, "dispute", reason: "quantity", text: "Changed my mind"));
        var changedPage = await changed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(first.Split("?token=")[0], again.Split("?token=")[0]);
        Assert.Contains("Too many boxes were billed.", (await links.GetAsync(again)).Html);
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Contains("This form was sent before, so it was not sent again.", changedPage);
        Assert.NotEqual(nonce, ConversationLinkClient.HiddenValue(changedPage, "nonce"));
        var conversation = await GetConversationAsync(customerId, vendorId, nonce);
        Assert.Single(conversation.GetProperty("messages").EnumerateArray());
        Assert.Equal(1, conversation.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Invalid_ask_form_names_field()
    {
        var (vendorId, customerId, askToken) = await InvoiceAsync("V-1", 100m);
        var nonce = ConversationLinkClient.HiddenValue((await links.GetAsync($"/links/ask?token={askToken}")).Html, "nonce");
        var cases = new (Dictionary<string, string> Fields, string Message)[]
        {
            (AskFields(askToken, nonce, "dispute", reason: "pricing", disputedAmount: "150"), "Disputed amount: &#39;150&#39; is not below the open amount of 100.00 USD"),
            (AskFields(askToken, nonce, "dispute", reason: "pricing", disputedAmount: "12,50"), "Disputed amount: &#39;12,50&#39; is not an amount"),
            (AskFields(askToken, nonce, "dispute", reason: "cheaper"), "Dispute reason: &#39;cheaper&#39; is not one of the listed reasons"),
            (AskFields(askToken, nonce, "dispute", reason: ""), "Dispute reason: no reason was chosen"),
            (AskFields(askToken, nonce, "question", disputedAmount: "5"), "Disputed amount: a question holds no amount, so &#39;5&#39; is not allowed"),
            (AskFields(askToken, nonce, "complaint"), "Question or dispute: &#39;complaint&#39; is neither"),
            (AskFields(askToken, nonce, "question", name: " "), "Your name: it is missing"),
            (AskFields(askToken, nonce, "question", text: ""), "Message: it is empty"),
            (AskFields(askToken, "not-a-guid", "question"), "its hidden form id is missing or not valid"),
        };

        foreach (var (fields, message) in cases)
        {
            var response = await links.PostFormAsync("/links/ask", fields);
            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400 for '{message}', got {(int)response.StatusCode}: {html}");
            Assert.Contains(message, html);
            Assert.Contains("<form method=\"post\" action=\"ask\">", html);
        }

        var notFound = await fixture.Client.GetAsync($"/customers/{customerId}/conversations/{vendorId}/{nonce}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
    }

    [Fact]
    public async Task Thread_page_encodes_messages()
    {
        var (_, _, askToken) = await InvoiceAsync("X-1", 10m);
        var nonce = ConversationLinkClient.HiddenValue((await links.GetAsync($"/links/ask?token={askToken}")).Html, "nonce");
        var fields = AskFields(askToken, nonce, "question", name: "<i>Eve</i>", text: "<script>alert(1)</script><b>x</b>");

        var thread = await ConversationLinkClient.AssertThreadRedirectAsync(await links.PostFormAsync("/links/ask", fields), "/links/ask");
        var html = (await links.GetAsync(thread)).Html;

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;", html);
        Assert.Contains("<strong>&lt;i&gt;Eve&lt;/i&gt;</strong>", html);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<b>x", html);
        Assert.DoesNotContain("<i>Eve", html);
    }

    [Fact]
    public async Task Conversation_link_shows_nothing_when_not_valid()
    {
        var (vendorId, customerId, askToken) = await InvoiceAsync("N-1", 77m);
        var nonce = ConversationLinkClient.HiddenValue((await links.GetAsync($"/links/ask?token={askToken}")).Html, "nonce");
        var thread = await ConversationLinkClient.AssertThreadRedirectAsync(
            await links.PostFormAsync("/links/ask", AskFields(askToken, nonce, "question", text: "Secret question text")), "/links/ask");
        var token = thread.Split("?token=")[1];
        var tampered = token[..5] + (token[5] == 'A' ? 'B' : 'A') + token[6..];
        var otherCustomer = await links.PushAsync(vendorId, "N-2", ApiRequests.NewId("acc"), 5m);
        var otherCustomersToken = links.Token(DigestLinkPurpose.Conversation, otherCustomer, vendorId, nonce);
        var expired = links.Token(DigestLinkPurpose.Conversation, customerId, vendorId, nonce, DateTimeOffset.UtcNow.AddMinutes(-1));
        var askTokenAsThread = askToken;

        foreach (var (path, expected) in new[]
        {
            ($"/links/conversation?token={tampered}", HttpStatusCode.BadRequest),
            ($"/links/conversation?token={otherCustomersToken}", HttpStatusCode.BadRequest),
            ($"/links/conversation?token={askTokenAsThread}", HttpStatusCode.BadRequest),
            ($"/links/conversation?token={expired}", HttpStatusCode.Gone),
        })
        {
            var (status, html) = await links.GetAsync(path);
            Assert.True(status == expected, $"{path} gave {(int)status}, expected {(int)expected}: {html}");
            Assert.Contains(expected == HttpStatusCode.Gone ? "This link has expired" : "This link is not valid", html);
            Assert.DoesNotContain("Secret question text", html);
            Assert.DoesNotContain("N-1", html);
            Assert.DoesNotContain("77", html);
        }

        var forgedReply = await links.PostFormAsync("/links/conversation/messages", new Dictionary<string, string>
        {
            ["token"] = otherCustomersToken,
            ["messageId"] = Guid.NewGuid().ToString("N"),
            ["authorName"] = "Mallory",
            ["text"] = "Injected",
        });
        var forgedWithdrawal = await links.PostFormAsync("/links/conversation/withdrawal", new Dictionary<string, string>
        {
            ["token"] = otherCustomersToken,
            ["authorName"] = "Mallory",
        });
        Assert.Equal(HttpStatusCode.BadRequest, forgedReply.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forgedWithdrawal.StatusCode);
        var conversation = await GetConversationAsync(customerId, vendorId, nonce);
        Assert.Single(conversation.GetProperty("messages").EnumerateArray());
        Assert.Equal("open", conversation.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Thread_page_replies_and_withdraws()
    {
        var (vendorId, customerId, askToken) = await InvoiceAsync("T-1", 100m);
        var nonce = ConversationLinkClient.HiddenValue((await links.GetAsync($"/links/ask?token={askToken}")).Html, "nonce");
        var thread = await ConversationLinkClient.AssertThreadRedirectAsync(
            await links.PostFormAsync("/links/ask", AskFields(askToken, nonce, "dispute", reason: "damagedGoods")), "/links/ask");
        await (await fixture.Client.PostJsonAsync($"/vendors/{vendorId}/conversations/{nonce}/messages",
            new { messageId = "v-1", authorName = "Vera", text = "Please send a photo." })).ReadJsonAsync(HttpStatusCode.Created);

        var page = (await links.GetAsync(thread)).Html;
        Assert.Contains("<form method=\"post\" action=\"conversation/messages\">", page);
        Assert.Contains("<form method=\"post\" action=\"conversation/withdrawal\">", page);
        Assert.Contains("<strong>Vera</strong> (Acme Supply)", page);
        var token = ConversationLinkClient.HiddenValue(page, "token");
        var reply = new Dictionary<string, string>
        {
            ["token"] = token,
            ["messageId"] = ConversationLinkClient.HiddenValue(page, "messageId"),
            ["authorName"] = "Dana",
            ["text"] = "Photo is attached to the delivery note.",
        };

        var replied = await ConversationLinkClient.AssertThreadRedirectAsync(await links.PostFormAsync("/links/conversation/messages", reply), "/links/conversation/messages");
        await ConversationLinkClient.AssertThreadRedirectAsync(await links.PostFormAsync("/links/conversation/messages", reply), "/links/conversation/messages");
        var emptyReply = await links.PostFormAsync("/links/conversation/messages", new Dictionary<string, string>(reply) { ["text"] = "" });
        var emptyReplyPage = await emptyReply.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var afterReply = (await links.GetAsync(replied)).Html;

        Assert.Equal(HttpStatusCode.BadRequest, emptyReply.StatusCode);
        Assert.Contains("Message: it is empty", emptyReplyPage);
        Assert.Contains("<form method=\"post\" action=\"messages\">", emptyReplyPage);
        Assert.Contains("Photo is attached to the delivery note.", afterReply);
        var conversation = await GetConversationAsync(customerId, vendorId, nonce);
        Assert.Equal(["customer", "vendor", "customer"], conversation.GetProperty("messages").EnumerateArray().Select(message => message.GetProperty("author").GetString()));
        Assert.Equal(100m, (await links.StatementLineAsync(customerId, "T-1")).GetProperty("disputedAmount").GetDecimal());

        var withdrawal = new Dictionary<string, string> { ["token"] = token, ["authorName"] = "Dana" };
        var withdrawn = await ConversationLinkClient.AssertThreadRedirectAsync(await links.PostFormAsync("/links/conversation/withdrawal", withdrawal), "/links/conversation/withdrawal");
        var withdrawnAgain = await links.PostFormAsync("/links/conversation/withdrawal", withdrawal);
        var afterWithdrawal = (await links.GetAsync(withdrawn)).Html;

        Assert.Equal(HttpStatusCode.SeeOther, withdrawnAgain.StatusCode);
        Assert.Contains("Withdrawn by you", afterWithdrawal);
        Assert.DoesNotContain("<form", afterWithdrawal);
        conversation = await GetConversationAsync(customerId, vendorId, nonce);
        Assert.Equal("withdrawn", conversation.GetProperty("outcome").GetString());
        Assert.Equal(0m, (await links.StatementLineAsync(customerId, "T-1")).GetProperty("disputedAmount").GetDecimal());

        var lateReply = await links.PostFormAsync("/links/conversation/messages", new Dictionary<string, string>(reply) { ["messageId"] = Guid.NewGuid().ToString("N") });
        Assert.Equal(HttpStatusCode.Conflict, lateReply.StatusCode);
        Assert.Contains("the conversation is closed", await lateReply.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public void Dispose() => links.Dispose();

    private async Task<(string VendorId, string CustomerId, string AskToken)> InvoiceAsync(string invoiceNumber, decimal amount)
    {
        var vendorId = await ApiRequests.CreateVendorAsync(fixture.Client);
        var customerId = await links.PushAsync(vendorId, invoiceNumber, ApiRequests.NewId("acc"), amount);
        return (vendorId, customerId, links.Token(DigestLinkPurpose.Ask, customerId, vendorId, invoiceNumber));
    }

    private async Task<System.Text.Json.JsonElement> GetConversationAsync(string customerId, string vendorId, string conversationId) =>
        await (await fixture.Client.GetAsync($"/customers/{customerId}/conversations/{vendorId}/{conversationId}", TestContext.Current.CancellationToken)).ReadJsonAsync();

    private static Dictionary<string, string> AskFields(
        string token, string nonce, string kind, string reason = "", string disputedAmount = "", string name = "Dana", string text = "Too many boxes were billed.") => new()
    {
        ["token"] = token,
        ["nonce"] = nonce,
        ["kind"] = kind,
        ["reason"] = reason,
        ["disputedAmount"] = disputedAmount,
        ["authorName"] = name,
        ["text"] = text,
    };
}
