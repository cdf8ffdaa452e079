using System.Buffers;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServerHost = SmtpServer.SmtpServer;
using SmtpServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace TermSync.Tests;

/// <summary>A message the test server accepted: the parsed message and the envelope it came with.</summary>
/// <param name="EnvelopeFrom">The MAIL FROM address.</param>
/// <param name="EnvelopeTo">The RCPT TO addresses.</param>
public sealed record ReceivedMessage(MimeMessage Message, string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo);

/// <summary>
/// An SMTP server for tests, listening on 127.0.0.1 on a port the operating system picks. It stores every
/// message it accepts and can reply with a chosen code instead: for the next N messages (at the end of
/// DATA) or for one recipient (at RCPT TO). It offers no TLS, so clients connect with plain text.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<ReceivedMessage> _messages = [];
    private readonly Queue<SmtpResponse> _nextMessageReplies = new();
    private readonly Dictionary<string, SmtpResponse> _recipientReplies = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource _messageArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SmtpServerHost? _server;
    private Task _running = Task.CompletedTask;
    private int _sessions;

    private TestSmtpServer()
    {
    }

    /// <summary>The address the server listens on.</summary>
    public string Host => "127.0.0.1";

    /// <summary>The port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>Connections the server has accepted so far.</summary>
    public int SessionCount => Volatile.Read(ref _sessions);

    /// <summary>A copy of the messages accepted so far, in order of arrival.</summary>
    public IReadOnlyList<ReceivedMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Starts a server that accepts mail without authentication.</summary>
    public static Task<TestSmtpServer> StartAsync(CancellationToken cancellationToken) => StartAsync(null, cancellationToken);

    /// <summary>
    /// Starts a server. With <paramref name="requiredCredential"/>, it offers AUTH PLAIN and LOGIN over plain text,
    /// accepts only that user name and password, and replies 530 to MAIL FROM before a successful login.
    /// Returns once the port is listening.
    /// </summary>
    public static async Task<TestSmtpServer> StartAsync(NetworkCredential? requiredCredential, CancellationToken cancellationToken)
    {
        var testServer = new TestSmtpServer();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("termsync-test-smtp")
            .Endpoint(endpoint =>
            {
                endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, 0));
                if (requiredCredential is not null)
                {
                    endpoint.AuthenticationRequired().AllowUnsecureAuthentication();
                }
            })
            .Build();

        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, args) => listening.TrySetResult(((IPEndPoint)args.LocalEndPoint).Port);

        var services = new SmtpServiceProvider();
        services.Add(listeners);
        services.Add(new Store(testServer));
        services.Add(new RecipientFilter(testServer));
        if (requiredCredential is not null)
        {
            services.Add(new CredentialCheck(requiredCredential));
        }

        testServer._server = new SmtpServerHost(options, services);
        testServer._server.SessionCreated += (_, _) => Interlocked.Increment(ref testServer._sessions);
        testServer._running = testServer._server.StartAsync(testServer._stopping.Token);

        // The listener is bound before StartAsync first yields. Waiting for the task as well surfaces a failed start.
        var started = await Task.WhenAny(listening.Task, testServer._running).WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        if (started != listening.Task)
        {
            await testServer._running;
            throw new InvalidOperationException("The test SMTP server stopped before it listened.");
        }

        testServer.Port = await listening.Task;
        return testServer;
    }

    /// <summary>
    /// Returns a port on 127.0.0.1 that nothing listened on a moment ago, for tests of a server that is down.
    /// Another process may take it in between, which is unlikely but possible.
    /// </summary>
    public static int UnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Replies to the next <paramref name="count"/> messages with the given code and text at the end of DATA instead of accepting them.</summary>
    public void ReplyToNextMessages(int count, int replyCode, string replyText)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _nextMessageReplies.Enqueue(new SmtpResponse((SmtpReplyCode)replyCode, replyText));
            }
        }
    }

    /// <summary>
    /// Replies to RCPT TO for <paramref name="address"/> with the given code and text until the server stops. SmtpServer adds
    /// ", N retry(ies) remaining." to the text.
    /// </summary>
    public void ReplyToRecipient(string address, int replyCode, string replyText)
    {
        lock (_gate)
        {
            _recipientReplies[address] = new SmtpResponse((SmtpReplyCode)replyCode, replyText);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived and returns them. Throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> WaitForMessagesAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                if (_messages.Count >= count)
                {
                    return [.. _messages];
                }

                arrived = _messageArrived.Task;
            }

            try
            {
                await arrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The test SMTP server received {Messages.Count} of {count} messages within {timeout}.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _server?.Shutdown();
        await _stopping.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // The canceled token stops the server, so this exception is expected.
        }

        _stopping.Dispose();
    }

    private async Task<SmtpResponse> SaveAsync(IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_nextMessageReplies.TryDequeue(out var reply))
            {
                return reply;
            }
        }

        using var stream = new MemoryStream(buffer.ToArray());
        var message = await MimeMessage.LoadAsync(stream, cancellationToken);
        var received = new ReceivedMessage(message, Address(transaction.From), [.. transaction.To.Select(Address)]);

        TaskCompletionSource arrived;
        lock (_gate)
        {
            _messages.Add(received);
            arrived = _messageArrived;
            _messageArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.SetResult();
        return SmtpResponse.Ok;
    }

    private void CheckRecipient(IMailbox to)
    {
        lock (_gate)
        {
            if (_recipientReplies.TryGetValue(Address(to), out var reply))
            {
                throw new SmtpResponseException(reply);
            }
        }
    }

    private static string Address(IMailbox mailbox) => $"{mailbox.User}@{mailbox.Host}";

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken) =>
            server.SaveAsync(transaction, buffer, cancellationToken);
    }

    private sealed class RecipientFilter(TestSmtpServer server) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            server.CheckRecipient(to);
            return Task.FromResult(true);
        }
    }

    private sealed class CredentialCheck(NetworkCredential credential) : UserAuthenticator
    {
        public override Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken) =>
            Task.FromResult(user == credential.UserName && password == credential.Password);
    }
}
