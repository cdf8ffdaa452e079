using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TermSync.Tests;

/// <summary>A webhook request as the test receiver got it.</summary>
/// <param name="SignatureValid">Whether the signature header matches the body and timestamp under the secret set for the hook.</param>
/// <param name="RespondedWith">The status code the receiver responded with.</param>
public sealed record ReceivedWebhook(
    string Hook,
    string? EventId,
    string? EventType,
    string? Timestamp,
    string? Signature,
    string Body,
    bool SignatureValid,
    int RespondedWith);

/// <summary>
/// An HTTP server for webhook tests, listening on 127.0.0.1 on a port the operating system picks. Each hook is a
/// path, /hooks/{name}, with its own secret and its own queue of status codes to respond with. Once the queue is
/// empty it responds with the hook's default status, 200 unless set. It checks every signature on its own, with the
/// scheme documented for receivers, so a test can fail on a wrong signature.
/// </summary>
public sealed class TestWebhookReceiver : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<ReceivedWebhook> _received = [];
    private readonly Dictionary<string, string> _secrets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<int>> _replies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _defaultReplies = new(StringComparer.Ordinal);
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication _app = null!;

    private TestWebhookReceiver()
    {
    }

    /// <summary>The base address, such as http://127.0.0.1:41234.</summary>
    public string BaseAddress { get; private set; } = "";

    public static async Task<TestWebhookReceiver> StartAsync()
    {
        var receiver = new TestWebhookReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/hooks/{name}", (string name, HttpRequest request) => receiver.ReceiveAsync(name, request));
        await app.StartAsync();

        receiver._app = app;
        receiver.BaseAddress = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return receiver;
    }

    /// <summary>Returns the URL of a hook.</summary>
    public string Url(string hook) => $"{BaseAddress}/hooks/{hook}";

    /// <summary>Sets the secret the hook's signatures are checked with.</summary>
    public void SetSecret(string hook, string secret)
    {
        lock (_gate)
        {
            _secrets[hook] = secret;
        }
    }

    /// <summary>Responds to the next requests to the hook with these status codes, one each, in order.</summary>
    public void RespondWith(string hook, params int[] statusCodes)
    {
        lock (_gate)
        {
            _replies[hook] = new Queue<int>(statusCodes);
        }
    }

    /// <summary>Responds to every request to the hook with this status code once its queue is empty.</summary>
    public void RespondAlways(string hook, int statusCode)
    {
        lock (_gate)
        {
            _defaultReplies[hook] = statusCode;
        }
    }

    /// <summary>Returns the requests to the hook so far, in order of arrival.</summary>
    public IReadOnlyList<ReceivedWebhook> Received(string hook)
    {
        lock (_gate)
        {
            return [.. _received.Where(request => request.Hook == hook)];
        }
    }

    /// <summary>Waits until the hook has received at least <paramref name="count"/> requests and returns them.</summary>
    /// <exception cref="TimeoutException">Fewer requests arrived within <paramref name="timeout"/>.</exception>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(string hook, int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                var received = _received.Where(request => request.Hook == hook).ToList();
                if (received.Count >= count)
                {
                    return received;
                }

                arrived = _arrived.Task;
            }

            try
            {
                await arrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Hook '{hook}' received {Received(hook).Count} requests within {timeout}, expected {count}.");
            }
        }
    }

    /// <summary>Returns whether <paramref name="signature"/> is the v1 signature of the timestamp and body, compared in constant time.</summary>
    public static bool IsValidSignature(string secret, string? timestamp, string body, string? signature)
    {
        if (timestamp is null || signature is null || !signature.StartsWith("v1=", StringComparison.Ordinal))
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body));
        byte[] presented;
        try
        {
            presented = Convert.FromHexString(signature.AsSpan(3));
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(string hook, HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var timestamp = request.Headers["TermSync-Timestamp"].FirstOrDefault();
        var signature = request.Headers["TermSync-Signature"].FirstOrDefault();

        TaskCompletionSource arrived;
        int status;
        lock (_gate)
        {
            var secret = _secrets.GetValueOrDefault(hook);
            var fresh = long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                && Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) <= 300;
            var valid = secret is not null && fresh && IsValidSignature(secret, timestamp, body, signature);
            status = _replies.TryGetValue(hook, out var queue) && queue.Count > 0 ? queue.Dequeue() : _defaultReplies.GetValueOrDefault(hook, 200);
            _received.Add(new ReceivedWebhook(
                hook,
                request.Headers["TermSync-Event-Id"].FirstOrDefault(),
                request.Headers["TermSync-Event-Type"].FirstOrDefault(),
                timestamp,
                signature,
                body,
                valid,
                status));
            arrived = _arrived;
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.SetResult();
        return Results.StatusCode(status);
    }
}
