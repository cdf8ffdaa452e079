namespace TermSync.Api.Features.Ingest;

/// <summary>Reads the body of a file upload into memory, up to <see cref="MaxBytes"/>.</summary>
public static class UploadBody
{
    /// <summary>
    /// Largest body accepted by the CSV and UBL endpoints: 10 MiB. A CSV of 1,000 rows takes well under 1 MiB,
    /// so the limit leaves room for long names and for UBL documents with embedded attachments.
    /// </summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    private const int ChunkBytes = 81920;

    /// <summary>
    /// Returns the body as a stream at position 0, or null as soon as the Content-Length header or the bytes read
    /// show that it is larger than <see cref="MaxBytes"/>; then the rest of the body is not read.
    /// </summary>
    public static async Task<MemoryStream?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        var body = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (body.Length + read > MaxBytes)
            {
                await body.DisposeAsync();
                return null;
            }

            body.Write(chunk, 0, read);
        }

        body.Position = 0;
        return body;
    }

    /// <summary>Returns the 413 problem for a body larger than <see cref="MaxBytes"/>.</summary>
    public static IResult TooLarge() => TypedResults.Problem(
        $"The body is larger than {MaxBytes / (1024 * 1024)} MiB ({MaxBytes} bytes), the limit of one upload; split the file and send the parts one by one.",
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The upload is too large.");
}
