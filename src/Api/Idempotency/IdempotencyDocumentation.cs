namespace TermSync.Api.Idempotency;

/// <summary>Texts of the OpenAPI document about Idempotency-Key; the README states the same rules.</summary>
public static class IdempotencyDocumentation
{
    /// <summary>The paragraph appended to the document description.</summary>
    public const string Overview =
        "Every POST except the one that issues an API key accepts an optional Idempotency-Key header (1 to 255 printable ASCII characters, such as a UUID). " +
        "The first request with a key runs and its response is stored; a retry with the same key and the same method, path, query and body " +
        "gets the stored status and body again, with the response header Idempotency-Replayed: true, and runs nothing. " +
        "A key is honored for 24 hours after its first use (more when the server sets Idempotency:Retention higher), and keys of different callers never collide. " +
        "Responses with status 408, 429 or 500 and above are not stored, so their retry runs again; every other response, 4xx included, is replayed. " +
        "A retry while the first request still runs gets 409, and the same key with a different request gets 422.";

    /// <summary>The description of the header parameter.</summary>
    public const string HeaderDescription =
        "Optional key that makes a retry of this POST replay the first response instead of running again; " +
        "honored for 24 hours after its first use. 1 to 255 printable ASCII characters, such as a UUID.";

    /// <summary>The description of the 409 response that the key adds.</summary>
    public const string InProgressDescription =
        "A request with this Idempotency-Key is still in progress; retry after it completes.";

    /// <summary>The description of the 422 response that the key adds.</summary>
    public const string KeyReusedDescription = "This Idempotency-Key was used with a different method, path, query or body.";
}
