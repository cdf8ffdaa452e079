using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using TermSync.Digests;
using TermSync.Grains.Digests;
using TermSync.Grains.Digests.Smtp;
using TermSync.Tests;

namespace TermSync.Grains.Tests.Digests.Smtp;

/// <summary>Sends digests with MailKit to a real SMTP server listening on 127.0.0.1 inside the test.</summary>
public sealed class SmtpDeliveryTests : IAsyncLifetime
{
    private const string UnsubscribeUrl = "https://termsync.test/unsubscribe/c-42?token=abc.def";

    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(10);

    private TestSmtpServer server = null!;

    public async ValueTask InitializeAsync() => server = await TestSmtpServer.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Digest_arrives_as_text_and_html()
    {
        var digest = Digest("c-42:2025-W05", "ap@customer.test");

        var result = await Delivery(server.Port).DeliverAsync(digest, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal(1, result.Attempts);
        var received = Assert.Single(await server.WaitForMessagesAsync(1, WaitLimit, TestContext.Current.CancellationToken));
        var message = received.Message;
        Assert.Equal(result.Location, message.MessageId);
        Assert.Equal("Your open invoices – Müller & Søn", message.Subject);
        Assert.Equal("digests@termsync.test", received.EnvelopeFrom);
        Assert.Equal(["ap@customer.test"], received.EnvelopeTo);
        var from = Assert.IsType<MailboxAddress>(Assert.Single(message.From));
        Assert.Equal("TermSync", from.Name);
        Assert.Equal("digests@termsync.test", from.Address);
        var to = Assert.IsType<MailboxAddress>(Assert.Single(message.To));
        Assert.Equal("ap@customer.test", to.Address);

        var body = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(2, body.Count);
        var text = Assert.IsType<TextPart>(body[0]);
        var html = Assert.IsType<TextPart>(body[1]);
        Assert.True(text.ContentType.IsMimeType("text", "plain"));
        Assert.True(html.ContentType.IsMimeType("text", "html"));
        Assert.Equal("utf-8", text.ContentType.Charset, ignoreCase: true);
        Assert.Equal("utf-8", html.ContentType.Charset, ignoreCase: true);
        Assert.Equal(digest.Text, text.Text);
        Assert.Equal(digest.Html, html.Text);

        Assert.Equal($"<{UnsubscribeUrl}>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
    }

    [Fact]
    public async Task Digest_without_unsubscribe_link_has_no_list_headers()
    {
        var digest = Digest("c-42:2025-W05", "ap@customer.test") with { UnsubscribeUrl = "" };

        await Delivery(server.Port).DeliverAsync(digest, TestContext.Current.CancellationToken);

        var message = Assert.Single(await server.WaitForMessagesAsync(1, WaitLimit, TestContext.Current.CancellationToken)).Message;
        Assert.False(message.Headers.Contains("List-Unsubscribe"));
        Assert.False(message.Headers.Contains("List-Unsubscribe-Post"));
    }

    [Fact]
    public async Task Resend_keeps_message_id()
    {
        var delivery = Delivery(server.Port);

        var first = await delivery.DeliverAsync(Digest("c-42:2025-W05", "ap@customer.test"), TestContext.Current.CancellationToken);
        var resend = await delivery.DeliverAsync(Digest("c-42:2025-W05", "ap@customer.test"), TestContext.Current.CancellationToken);
        var nextWeek = await delivery.DeliverAsync(Digest("c-42:2025-W06", "ap@customer.test"), TestContext.Current.CancellationToken);

        var messages = await server.WaitForMessagesAsync(3, WaitLimit, TestContext.Current.CancellationToken);
        Assert.Equal(first.Location, resend.Location);
        Assert.NotEqual(first.Location, nextWeek.Location);
        Assert.Equal(messages[0].Message.MessageId, messages[1].Message.MessageId);
        Assert.NotEqual(messages[0].Message.MessageId, messages[2].Message.MessageId);
        Assert.EndsWith("@termsync.test", messages[0].Message.MessageId);
    }

    [Fact]
    public async Task Transient_replies_are_retried()
    {
        server.ReplyToNextMessages(2, 451, "Requested action aborted: local error in processing");

        var result = await Delivery(server.Port).DeliverAsync(Digest("c-42:2025-W05", "ap@customer.test"), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal(3, result.Attempts);
        Assert.Single(await server.WaitForMessagesAsync(1, WaitLimit, TestContext.Current.CancellationToken));
        Assert.Equal(3, server.SessionCount);
    }

    [Fact]
    public async Task Transient_replies_fail_after_max_attempts()
    {
        server.ReplyToNextMessages(4, 451, "Requested action aborted: local error in processing");

        var result = await Delivery(server.Port, maxAttempts: 4).DeliverAsync(Digest("c-42:2025-W05", "ap@customer.test"), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Equal(4, result.Attempts);
        Assert.Equal("451 Requested action aborted: local error in processing", result.Detail);
        Assert.Null(result.Location);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task Unknown_mailbox_is_rejected_at_once()
    {
        server.ReplyToRecipient("gone@customer.test", 550, "No such user here");

        var result = await Delivery(server.Port).DeliverAsync(Digest("c-42:2025-W05", "gone@customer.test"), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.Rejected, result.Status);
        Assert.Equal(1, result.Attempts);
        Assert.StartsWith("550 No such user here", result.Detail);
        Assert.Equal(1, server.SessionCount);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task Refused_message_is_rejected_at_once()
    {
        server.ReplyToNextMessages(1, 554, "Message refused by policy");

        var result = await Delivery(server.Port).DeliverAsync(Digest("c-42:2025-W05", "ap@customer.test"), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.Rejected, result.Status);
        Assert.Equal(1, result.Attempts);
        Assert.Equal("554 Message refused by policy", result.Detail);
        Assert.Equal(1, server.SessionCount);
    }

    [Fact]
    public async Task Server_down_fails_after_max_attempts()
    {
        var port = TestSmtpServer.UnusedPort();

        var result = await Delivery(port, maxAttempts: 3).DeliverAsync(Digest("c-42:2025-W05", "ap@customer.test"), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Equal(3, result.Attempts);
        Assert.Contains($"127.0.0.1:{port}", result.Detail);
        Assert.Null(result.Location);
    }

    [Fact]
    public async Task Silent_server_times_out_each_attempt()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var clock = new FakeTimeProvider();
        var delivery = Delivery(port, maxAttempts: 2, firstRetryDelay: TimeSpan.Zero, time: clock);

        var delivering = delivery.DeliverAsync(Digest("c-42:2025-W05", "ap@customer.test"), TestContext.Current.CancellationToken);
        using var first = await silent.AcceptSocketAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(WaitLimit, TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromSeconds(30));
        using var second = await silent.AcceptSocketAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(WaitLimit, TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromSeconds(30));
        var result = await delivering.WaitAsync(WaitLimit, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Equal(2, result.Attempts);
        Assert.Equal($"No answer from 127.0.0.1:{port} within 30 s.", result.Detail);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("accounts payable")]
    [InlineData("ap@customer")]
    [InlineData("ap@customer.test, ar@customer.test")]
    public async Task Missing_or_invalid_address_is_rejected(string? to)
    {
        var result = await Delivery(server.Port).DeliverAsync(Digest("c-42:2025-W05", to), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.Rejected, result.Status);
        Assert.Equal(0, result.Attempts);
        Assert.Contains("A vendor must add a valid email address to the customer's account.", result.Detail);
        Assert.Equal(0, server.SessionCount);
    }

    [Fact]
    public async Task Login_with_configured_credential_delivers()
    {
        await using var secured = await TestSmtpServer.StartAsync(new NetworkCredential("termsync", "s3cret-pass"), TestContext.Current.CancellationToken);

        var result = await Delivery(secured.Port, username: "termsync", password: "s3cret-pass")
            .DeliverAsync(Digest("c-42:2025-W05", "ap@customer.test"), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Single(await secured.WaitForMessagesAsync(1, WaitLimit, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Failed_login_fails_without_retrying()
    {
        await using var secured = await TestSmtpServer.StartAsync(new NetworkCredential("termsync", "s3cret-pass"), TestContext.Current.CancellationToken);

        var result = await Delivery(secured.Port, username: "termsync", password: "wrong-pass")
            .DeliverAsync(Digest("c-42:2025-W05", "ap@customer.test"), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Equal(1, result.Attempts);
        Assert.Contains("Check Smtp:Username and Smtp:Password", result.Detail);
        Assert.Contains("not of the customer's address", result.Detail);
        Assert.DoesNotContain("wrong-pass", result.Detail);
        Assert.Empty(secured.Messages);
    }

    [Fact]
    public async Task Missing_login_fails_without_retrying()
    {
        await using var secured = await TestSmtpServer.StartAsync(new NetworkCredential("termsync", "s3cret-pass"), TestContext.Current.CancellationToken);

        var result = await Delivery(secured.Port).DeliverAsync(Digest("c-42:2025-W05", "ap@customer.test"), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Equal(1, result.Attempts);
        Assert.StartsWith($"The mail server at 127.0.0.1:{secured.Port} requires authentication", result.Detail);
        Assert.Contains("Set Smtp:Username and Smtp:Password", result.Detail);
    }

    [Fact]
    public async Task Canceled_delivery_throws()
    {
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Delivery(server.Port).DeliverAsync(Digest("c-42:2025-W05", "ap@customer.test"), canceled.Token));
    }

    [Fact]
    public void Retry_delay_doubles_up_to_limit()
    {
        var first = TimeSpan.FromSeconds(2);

        Assert.Equal(TimeSpan.FromSeconds(2), SmtpDelivery.RetryDelay(first, 1));
        Assert.Equal(TimeSpan.FromSeconds(4), SmtpDelivery.RetryDelay(first, 2));
        Assert.Equal(TimeSpan.FromSeconds(8), SmtpDelivery.RetryDelay(first, 3));
        Assert.Equal(SmtpDelivery.MaxRetryDelay, SmtpDelivery.RetryDelay(first, 9));
        Assert.Equal(SmtpDelivery.MaxRetryDelay, SmtpDelivery.RetryDelay(first, 200));
    }

    private static SmtpDelivery Delivery(
        int port,
        int maxAttempts = 4,
        string? username = null,
        string? password = null,
        TimeSpan? firstRetryDelay = null,
        TimeProvider? time = null) =>
        new(
            Options.Create(new SmtpOptions
            {
                Host = "127.0.0.1",
                Port = port,
                Security = SmtpSecurity.None,
                From = "digests@termsync.test",
                Username = username,
                Password = password,
                MaxAttempts = maxAttempts,
                FirstRetryDelay = firstRetryDelay ?? TimeSpan.FromMilliseconds(1),
            }),
            time ?? TimeProvider.System,
            NullLogger<SmtpDelivery>.Instance);

    private static DigestMessage Digest(string digestId, string? to) => new(
        digestId,
        "c-42",
        digestId.Split(':')[1],
        to,
        "Your open invoices – Müller & Søn",
        "<html><body><p>Open: <strong>1.234,56 €</strong> at Müller &amp; Søn</p></body></html>",
        "Open: 1.234,56 € at Müller & Søn",
        UnsubscribeUrl);
}
