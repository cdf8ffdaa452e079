using TermSync.Api.Infrastructure;
using TermSync.Ingest.Csv;
using TermSync.Vendors;

namespace TermSync.Api.Features.Ingest;

/// <summary>Checks shared by the CSV uploads before any row is written.</summary>
public static class CsvUpload
{
    /// <summary>Maximum data rows of one file, the same limit as a JSON batch; a larger file is rejected whole with 413.</summary>
    public const int MaxRows = 1000;

    /// <summary>
    /// Reads and parses an upload of one vendor. Returns the parsed file, or the problem that rejects the whole upload:
    /// 404 for an unknown vendor, 413 for a body over <see cref="UploadBody.MaxBytes"/>, or what <see cref="RejectFile"/> returns.
    /// A rejection of the file itself is logged with the vendor and the kind of file.
    /// </summary>
    public static async Task<(CsvReadResult<TRow>? File, IResult? Problem)> ReadAsync<TRow>(
        HttpRequest request,
        IClusterClient cluster,
        ILogger logger,
        string vendorId,
        string fileKind,
        Func<Stream, CsvReadResult<TRow>> parse,
        Func<TRow, int> rowNumber,
        CancellationToken cancellationToken)
    {
        if (await cluster.GetGrainCached<IVendorGrain>(vendorId).GetProfileAsync() is null)
        {
            return (null, Problems.VendorNotFound(vendorId));
        }

        await using var body = await UploadBody.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            IngestLog.CsvRejected(logger, vendorId, fileKind, StatusCodes.Status413PayloadTooLarge);
            return (null, UploadBody.TooLarge());
        }

        var file = parse(body);
        if (RejectFile(file, rowNumber) is { } problem)
        {
            IngestLog.CsvRejected(logger, vendorId, fileKind, (problem as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status400BadRequest);
            return (null, problem);
        }

        return (file, null);
    }

    /// <summary>
    /// Returns the problem that rejects the whole file, or null when its rows can be processed: 400 when the header
    /// is invalid or no data row follows it, 413 when it has more than <see cref="MaxRows"/> data rows.
    /// </summary>
    public static IResult? RejectFile<TRow>(CsvReadResult<TRow> result, Func<TRow, int> rowNumber)
    {
        var fileErrors = result.Errors.Where(error => error.RowNumber == 0).ToList();
        if (fileErrors.Count > 0)
        {
            var errors = fileErrors.Select(error => new FieldError(error.Column ?? "file", error.Value, error.Reason)).ToList();
            return IngestProblems.Invalid("The CSV header is invalid.", errors);
        }

        var rowCount = CountRows(result, rowNumber);
        if (rowCount == 0)
        {
            return IngestProblems.Invalid("The CSV file has no rows.", [new FieldError("file", null, "The file has a header but no data rows; add one row per document below the header.")]);
        }

        return rowCount > MaxRows ? IngestProblems.TooManyRows(rowCount, MaxRows) : null;
    }

    /// <summary>Returns the errors of each rejected data row, by row number.</summary>
    public static ILookup<int, CsvRowError> ErrorsByRow<TRow>(CsvReadResult<TRow> result) =>
        result.Errors.Where(error => error.RowNumber > 0).ToLookup(error => error.RowNumber);

    // Every data row ends up either in Rows or with at least one error, so the highest row number is the count.
    private static int CountRows<TRow>(CsvReadResult<TRow> result, Func<TRow, int> rowNumber) =>
        result.Rows.Select(rowNumber).Concat(result.Errors.Select(error => error.RowNumber)).DefaultIfEmpty(0).Max();
}
