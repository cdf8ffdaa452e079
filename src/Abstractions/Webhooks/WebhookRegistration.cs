namespace TermSync.Webhooks;

/// <summary>How a request to register a webhook endpoint ended.</summary>
[GenerateSerializer, Alias("termsync.WebhookRegistrationStatus")]
public enum WebhookRegistrationStatus
{
    /// <summary>The endpoint was registered; the result carries its signing secret.</summary>
    Created = 0,

    /// <summary>The URL or the event list is not acceptable, as the error explains.</summary>
    Rejected = 1,

    /// <summary>The vendor has an endpoint with this URL already, or has reached the maximum number of endpoints.</summary>
    Conflict = 2,
}

/// <summary>The outcome of registering a webhook endpoint.</summary>
/// <param name="Secret">The signing secret of a created endpoint. This result is the only place it is ever returned.</param>
/// <param name="Field">For <see cref="WebhookRegistrationStatus.Rejected"/>, the request field at fault: "url" or "events".</param>
[GenerateSerializer, Immutable, Alias("termsync.WebhookRegistration")]
public sealed record WebhookRegistration(
    [property: Id(0)] WebhookRegistrationStatus Status,
    [property: Id(1)] WebhookEndpoint? Endpoint = null,
    [property: Id(2)] string? Secret = null,
    [property: Id(3)] string? Field = null,
    [property: Id(4)] string? Error = null)
{
    public static WebhookRegistration Created(WebhookEndpoint endpoint, string secret) => new(WebhookRegistrationStatus.Created, endpoint, secret);

    public static WebhookRegistration Rejected(string field, string error) => new(WebhookRegistrationStatus.Rejected, Field: field, Error: error);

    public static WebhookRegistration Conflict(string error) => new(WebhookRegistrationStatus.Conflict, Error: error);
}

/// <summary>How a request to remove a webhook endpoint ended.</summary>
[GenerateSerializer, Alias("termsync.WebhookRemoval")]
public enum WebhookRemoval
{
    Removed = 0,

    /// <summary>The endpoint was removed by an earlier request, so nothing changed.</summary>
    AlreadyRemoved = 1,

    /// <summary>The vendor never had an endpoint with this id.</summary>
    NotFound = 2,
}
