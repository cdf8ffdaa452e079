namespace TermSync.Benchmarks.Ingest;

/// <summary>Counts the HTTP requests sent, so the benchmark can report how many were retries of the client.</summary>
public sealed class RequestCountingHandler : DelegatingHandler
{
    private long _count;

    public RequestCountingHandler(HttpMessageHandler innerHandler) : base(innerHandler)
    {
    }

    /// <summary>Requests sent so far, retries included.</summary>
    public long Count => Interlocked.Read(ref _count);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return base.SendAsync(request, cancellationToken);
    }
}
