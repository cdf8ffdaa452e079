using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace TermSync.Importer.Tests.Support;

/// <summary>
/// An HTTP message handler that replaces the TermSync API in client tests. It records every request with its
/// body and a global sequence number at start and at completion. <see cref="Respond"/> builds the response
/// from the request and its 1-based attempt number, and a request whose <see cref="Respond"/> throws is not
/// recorded. The default response is 200, with one "created" result per invoice for a batch request.
/// </summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private long _sequence;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Func<RecordedRequest, int, HttpResponseMessage>? Respond { get; init; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var startedAt = Interlocked.Increment(ref _sequence);
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var attempt = _attempts.AddOrUpdate($"{request.Method} {request.RequestUri!.PathAndQuery}", 1, (_, previous) => previous + 1);

        // Yielding lets other requests of the same step start before this one completes, so ordering bugs show up.
        await Task.Yield();

        var recorded = new RecordedRequest(request.Method.Method, request.RequestUri!.PathAndQuery, body, startedAt);
        var response = Respond?.Invoke(recorded, attempt) ?? DefaultResponse(recorded);
        recorded.CompletedAt = Interlocked.Increment(ref _sequence);
        Requests.Enqueue(recorded);
        return response;
    }

    public static HttpResponseMessage DefaultResponse(RecordedRequest request)
    {
        if (!request.PathAndQuery.EndsWith("/invoices/batch", StringComparison.Ordinal))
        {
            return new HttpResponseMessage(HttpStatusCode.OK);
        }

        using var document = JsonDocument.Parse(request.Body!);
        var results = document.RootElement.GetProperty("invoices").EnumerateArray()
            .Select(invoice => new { invoiceNumber = invoice.GetProperty("invoiceNumber").GetString(), outcome = "created", version = 1 })
            .ToList();
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { results }), System.Text.Encoding.UTF8, "application/json"),
        };
    }
}

internal sealed record RecordedRequest(string Method, string PathAndQuery, string? Body, long StartedAt)
{
    public long CompletedAt { get; set; }

    public JsonElement Json => JsonDocument.Parse(Body!).RootElement.Clone();
}
