using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TermSync.Importer.Api;

/// <summary>
/// Typed client of the TermSync REST API over HTTP and JSON (camelCase, dates as "YYYY-MM-DD", instants as
/// ISO 8601 with their offset, amounts as JSON numbers). Requests go to paths relative to
/// <see cref="HttpClient.BaseAddress"/>, so a base address with a path must end in '/'. Failed requests are retried as <see cref="TermSyncClientOptions"/> describes.
/// </summary>
public sealed class TermSyncClient
{
    /// <summary>Maximum number of invoices in one batch request.</summary>
    public const int MaxBatchSize = 1000;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _httpClient;
    private readonly TermSyncClientOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Creates a client that sends its requests through <paramref name="httpClient"/>.</summary>
    /// <param name="httpClient">Client with <see cref="HttpClient.BaseAddress"/> set to the API root.</param>
    /// <param name="options">Retry settings. Defaults to the <see cref="TermSyncClientOptions"/> defaults.</param>
    /// <param name="timeProvider">Clock for the delays between retries. Defaults to <see cref="TimeProvider.System"/>.</param>
    /// <param name="logger">Logger for retries. Defaults to no logging.</param>
    public TermSyncClient(
        HttpClient httpClient,
        TermSyncClientOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger<TermSyncClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);

        _httpClient = httpClient;
        _options = options ?? new TermSyncClientOptions();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<TermSyncClient>.Instance;

        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxAttempts, 1, nameof(options));
    }

    /// <summary>Registers a vendor, or confirms it when it already exists with the same data (POST /vendors).</summary>
    public async Task RegisterVendorAsync(RegisterVendorRequest vendor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vendor);

        using var response = await SendAsync(HttpMethod.Post, "vendors", vendor, cancellationToken);
    }

    /// <summary>Issues or updates up to <see cref="MaxBatchSize"/> invoices of one vendor and returns one result per invoice.</summary>
    public async Task<IReadOnlyList<InvoiceBatchResult>> IssueInvoicesAsync(
        string vendorId, IReadOnlyList<InvoiceRequest> invoices, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(vendorId);
        ArgumentNullException.ThrowIfNull(invoices);
        if (invoices.Count is 0 or > MaxBatchSize)
        {
            throw new ArgumentOutOfRangeException(
                nameof(invoices), invoices.Count, $"A batch must contain 1 to {MaxBatchSize} invoices; split larger sets into several batches.");
        }

        var path = $"vendors/{Escape(vendorId)}/invoices/batch";
        using var response = await SendAsync(HttpMethod.Post, path, new InvoiceBatchRequest(invoices), cancellationToken);
        var body = await ReadJsonAsync<InvoiceBatchResponse>(response, HttpMethod.Post, path, cancellationToken);
        return body.Results;
    }

    /// <summary>Records a payment of an invoice. Resending the same payment id is a no-op on the server.</summary>
    public async Task RecordPaymentAsync(string vendorId, string invoiceNumber, PaymentRequest payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);

        using var response = await SendAsync(HttpMethod.Post, InvoicePath(vendorId, invoiceNumber, "payments"), payment, cancellationToken);
    }

    /// <summary>
    /// Records a question or dispute that a customer raised with the vendor's staff (POST /vendors/{vendorId}/conversations).
    /// Resending the same request is a no-op on the server.
    /// </summary>
    public async Task RecordConversationAsync(string vendorId, RecordConversationRequest conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);

        var path = $"{VendorPath(vendorId)}/conversations";
        using var response = await SendAsync(HttpMethod.Post, path, conversation, cancellationToken);
    }

    /// <summary>
    /// Resolves a conversation (POST /vendors/{vendorId}/conversations/{conversationId}/resolution). Resending the same
    /// outcome and reference is a no-op on the server.
    /// </summary>
    public async Task ResolveConversationAsync(
        string vendorId, string conversationId, ResolveConversationRequest resolution, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(resolution);

        var path = $"{VendorPath(vendorId)}/conversations/{Escape(conversationId)}/resolution";
        using var response = await SendAsync(HttpMethod.Post, path, resolution, cancellationToken);
    }

    /// <summary>
    /// Gets the statement of a customer as of a business date (GET /customers/{customerId}/statement?asOf=).
    /// The response is deserialized into <typeparamref name="TStatement"/>. Pass <see cref="JsonElement"/> to get the raw JSON.
    /// </summary>
    public async Task<TStatement> GetStatementAsync<TStatement>(string customerId, DateOnly asOf, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);

        var path = $"customers/{Escape(customerId)}/statement?asOf={asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        using var response = await SendAsync<object?>(HttpMethod.Get, path, null, cancellationToken);
        return await ReadJsonAsync<TStatement>(response, HttpMethod.Get, path, cancellationToken);
    }

    /// <summary>Runs the digest cycle for a business date (POST /digest-cycles).</summary>
    public async Task RunDigestCycleAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, "digest-cycles", new DigestCycleRequest(asOf), cancellationToken);
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static string VendorPath(string vendorId)
    {
        ArgumentException.ThrowIfNullOrEmpty(vendorId);

        return $"vendors/{Escape(vendorId)}";
    }

    private static string InvoicePath(string vendorId, string invoiceNumber, string suffix)
    {
        ArgumentException.ThrowIfNullOrEmpty(invoiceNumber);

        return $"{VendorPath(vendorId)}/invoices/{Escape(invoiceNumber)}/{suffix}";
    }

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, HttpMethod method, string path, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync<T>(JsonOptions, cancellationToken);
            return body ?? throw new TermSyncApiException($"{method} /{path} returned an empty body where JSON was expected.", response.StatusCode, null);
        }
        catch (JsonException exception)
        {
            throw new TermSyncApiException(
                $"{method} /{path} returned JSON that does not match {typeof(T).Name}: {exception.Message}", response.StatusCode, null, exception);
        }
    }

    private static bool IsTransient(HttpStatusCode statusCode) =>
        statusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)statusCode >= 500;

    /// <summary>
    /// Sends a request and returns a successful response, retrying transient failures with exponential backoff.
    /// A new request message is built for every attempt because a sent message cannot be sent again.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync<TBody>(HttpMethod method, string path, TBody body, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                // A buffered body carries Content-Length, which servers and proxies without chunked-encoding support accept.
                request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, JsonOptions));
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            }

            HttpResponseMessage response;
            try
            {
                response = await _httpClient.SendAsync(request, cancellationToken);
            }
            catch (Exception exception) when (IsTransportFailure(exception, cancellationToken))
            {
                if (attempt >= _options.MaxAttempts)
                {
                    throw new TermSyncApiException(
                        $"{method} /{path} failed after {attempt} attempts: {Describe(exception)}", null, null, exception);
                }

                // The exception goes into the log as its message only: a stack trace per retry would bury the summary.
                var delay = RetryDelay(attempt);
                _logger.RetryingAfterTransportError(method.Method, "/" + path, attempt, _options.MaxAttempts, Describe(exception), delay);
                await Task.Delay(delay, _timeProvider, cancellationToken);
                continue;
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                var statusCode = response.StatusCode;
                var responseBody = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!IsTransient(statusCode))
                {
                    throw new TermSyncApiException(
                        $"{method} /{path} was rejected with {(int)statusCode} {statusCode}: {responseBody}", statusCode, responseBody);
                }

                if (attempt >= _options.MaxAttempts)
                {
                    throw new TermSyncApiException(
                        $"{method} /{path} failed after {attempt} attempts, last with {(int)statusCode} {statusCode}: {responseBody}",
                        statusCode,
                        responseBody);
                }

                var delay = RetryDelay(attempt);
                _logger.RetryingAfterStatus(method.Method, "/" + path, statusCode, attempt, _options.MaxAttempts, delay);
                await Task.Delay(delay, _timeProvider, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Returns whether a send failed in transport: a connection error, or a timeout of <see cref="HttpClient.Timeout"/>,
    /// which surfaces as a cancellation that the caller did not request.
    /// </summary>
    private static bool IsTransportFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    /// <summary>Joins the messages of an exception and its inner exceptions, because HttpClient puts the cause in an inner one.</summary>
    private static string Describe(Exception exception)
    {
        var messages = new List<string>();
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            messages.Add(current.Message);
        }

        return string.Join(" ", messages.Distinct());
    }

    private TimeSpan RetryDelay(int attempt)
    {
        var exponent = Math.Min(attempt - 1, 30);
        var delay = _options.InitialRetryDelay * Math.Pow(2, exponent);
        return delay < _options.MaxRetryDelay ? delay : _options.MaxRetryDelay;
    }
}
