namespace TermSync.Api.Idempotency;

/// <summary>RFC 9457 problem details for requests whose Idempotency-Key cannot be honored.</summary>
public static class IdempotencyProblems
{
    /// <summary>A 400 that names the header the same way validation problems name a field.</summary>
    public static IResult InvalidHeader(string reason) =>
        TypedResults.Problem(
            reason,
            statusCode: StatusCodes.Status400BadRequest,
            title: "One or more validation errors occurred.",
            type: "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = new[] { new { name = IdempotencyHeader.Name, reason } },
            });

    /// <summary>A 409 for a retry that arrives while the first request with its key still runs.</summary>
    public static IResult InProgress() =>
        TypedResults.Problem(
            $"A request with this {IdempotencyHeader.Name} is still in progress; retry after it completes to get its response.",
            statusCode: StatusCodes.Status409Conflict,
            title: "The request with this Idempotency-Key is still in progress.",
            type: "https://tools.ietf.org/html/rfc9110#section-15.5.10");

    /// <summary>A 422 for a key sent again with another method, path, query or body.</summary>
    public static IResult KeyReused() =>
        TypedResults.Problem(
            $"This {IdempotencyHeader.Name} was used with a different request (method, path, query or body). " +
            "Send a retry byte for byte as the first request, or use a new key for a new request.",
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "The Idempotency-Key was used with a different request.",
            type: "https://tools.ietf.org/html/rfc9110#section-15.5.21");
}
