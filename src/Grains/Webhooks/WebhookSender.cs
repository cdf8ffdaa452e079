using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TermSync.Conversations;
using TermSync.Webhooks;

namespace TermSync.Grains.Webhooks;

/// <summary>Sends one signed webhook request. A timeout or a failed connection becomes a failed attempt instead of an exception.</summary>
public sealed class WebhookSender(
    IHttpClientFactory clients,
    IOptions<WebhookOptions> options,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    /// <summary>Posts <paramref name="body"/> to the target, signed with the time of this attempt.</summary>
    public async Task<WebhookAttempt> SendAsync(
        WebhookDeliveryTarget target,
        string eventId,
        VendorEventType eventType,
        string body,
        int number,
        WebhookAttemptTrigger trigger)
    {
        var at = time.GetUtcNow();
        var timestamp = at.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) { Headers = { ContentType = Json } },
        };
        request.Headers.Add(WebhookHeaders.EventId, eventId);
        request.Headers.Add(WebhookHeaders.EventType, VendorEventTypes.Name(eventType));
        request.Headers.Add(WebhookHeaders.Timestamp, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookHeaders.Signature, WebhookSignature.Compute(target.Secret, timestamp, body));

        var started = time.GetTimestamp();
        using var timeout = new CancellationTokenSource(options.Value.Timeout);
        try
        {
            var client = clients.CreateClient(WebhookHttpHandler.ClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return new WebhookAttempt(number, at, trigger, (int)response.StatusCode, null, time.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            var error = $"timed out after {options.Value.Timeout.TotalSeconds:0.###} s";
            return new WebhookAttempt(number, at, trigger, null, error, time.GetElapsedTime(started));
        }
        catch (HttpRequestException exception)
        {
            var error = exception.InnerException is WebhookAddressRejectedException rejected
                ? rejected.Message
                : $"request failed ({exception.HttpRequestError}): {exception.Message}";
            return new WebhookAttempt(number, at, trigger, null, error, time.GetElapsedTime(started));
        }
    }
}
