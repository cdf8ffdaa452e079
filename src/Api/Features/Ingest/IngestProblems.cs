namespace TermSync.Api.Features.Ingest;

/// <summary>
/// Problem details for files that are rejected whole. Their "errors" list has the shape of the JSON endpoints'
/// validation errors (name and reason) plus the value as written in the file.
/// </summary>
public static class IngestProblems
{
    /// <summary>400: the file or document is invalid, for the reasons in <paramref name="errors"/>.</summary>
    public static IResult Invalid(string title, IReadOnlyList<FieldError> errors) =>
        WithErrors(StatusCodes.Status400BadRequest, title, Describe(errors), "https://tools.ietf.org/html/rfc9110#section-15.5.1", errors);

    /// <summary>422: the document is valid, but TermSync cannot represent it; <paramref name="detail"/> states what to send instead.</summary>
    public static IResult Unprocessable(string detail, IReadOnlyList<FieldError> errors) =>
        WithErrors(StatusCodes.Status422UnprocessableEntity, "The document cannot be ingested.", detail, "https://tools.ietf.org/html/rfc9110#section-15.5.21", errors);

    /// <summary>413: the file has more data rows than one upload may have.</summary>
    public static IResult TooManyRows(int rowCount, int maxRows) => TypedResults.Problem(
        $"The file has {rowCount} data rows; the limit is {maxRows}. Split it into files of at most {maxRows} rows, each with the header row.",
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The file has too many rows.");

    private static IResult WithErrors(int status, string title, string detail, string type, IReadOnlyList<FieldError> errors) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: type, extensions: new Dictionary<string, object?> { ["errors"] = errors });

    private static string Describe(IReadOnlyList<FieldError> errors) =>
        errors.Count == 1 ? errors[0].Reason : $"{errors.Count} errors; each entry of 'errors' names the field, its value and the fix.";
}

/// <summary>Why a file or document was rejected.</summary>
/// <param name="Name">The CSV column, or the UBL element path such as "cac:LegalMonetaryTotal/cbc:PayableAmount"; "/" for a UBL document as a whole.</param>
/// <param name="Value">The value as written; null when it is missing.</param>
/// <param name="Reason">What is wrong and how to fix it.</param>
public sealed record FieldError(string Name, string? Value, string Reason);
