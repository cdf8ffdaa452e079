using FastEndpoints;
using TermSync.Api.Features.Invoices;
using TermSync.Ingest.Csv;

namespace TermSync.Api.Features.Ingest.InvoiceCsv;

public sealed class Endpoint(IClusterClient cluster, ILogger<Endpoint> logger) : Endpoint<UploadRequest, Response>
{
    private const string FileKind = "invoice";

    public override void Configure()
    {
        Post("/vendors/{vendorId}/invoices/csv");
        Description(builder => builder.AcceptsCsv());
        Summary(summary =>
        {
            summary.Summary = "Upload invoices as CSV";
            summary.Description = "A UTF-8 CSV file, with or without a byte order mark, whose header row names the columns invoiceNumber, customerAccount, " +
                "customerName, currency, amount, issueDate, dueDate or terms (or both), and optionally customerEmail and customerTaxId. Each row is issued like an " +
                "invoice of POST /vendors/{vendorId}/invoices/batch and gets its own result; a rejected row lists row number, column, value and reason, and does " +
                $"not block the others. An invalid header is 400; more than {CsvUpload.MaxRows} data rows or a body over {UploadBody.MaxBytes / (1024 * 1024)} MiB is 413.";
        });
    }

    public override async Task HandleAsync(UploadRequest request, CancellationToken cancellationToken)
    {
        var (read, problem) = await CsvUpload.ReadAsync(
            HttpContext.Request, cluster, logger, request.VendorId, FileKind, CsvDocumentReader.ReadInvoices, row => row.RowNumber, cancellationToken);
        if (read is null)
        {
            await Send.ResultAsync(problem!);
            return;
        }

        var issued = await new InvoiceBatchIssuer(cluster).IssueAsync(request.VendorId, [.. read.Rows.Select(InvoiceRowMapping.ToInput)], cancellationToken);

        var results = read.Rows.Select((row, index) => ToResult(row, issued[index]))
            .Concat(CsvUpload.ErrorsByRow(read).Select(errors => new RowResult(errors.Key, null, "rejected", null, null, [.. errors])))
            .OrderBy(result => result.RowNumber)
            .ToList();
        var rejected = results.Count(result => result.Outcome == "rejected");
        IngestLog.CsvProcessed(logger, request.VendorId, FileKind, results.Count - rejected, rejected);
        await Send.OkAsync(
            new Response(
                results,
                results.Count(result => result.Outcome == "created"),
                results.Count(result => result.Outcome == "updated"),
                results.Count(result => result.Outcome == "unchanged"),
                rejected),
            cancellationToken);
    }

    private static RowResult ToResult(InvoiceRow row, InvoiceIssueResult result)
    {
        var errors = result.Errors.Count == 0
            ? null
            : result.Errors.Select(error => new CsvRowError(row.RowNumber, InvoiceRowMapping.ColumnOf(error.Field), error.Value, error.Reason)).ToList();
        return new RowResult(row.RowNumber, row.InvoiceNumber, result.Outcome.ToString().ToLowerInvariant(), result.Invoice?.Version, result.CustomerId, errors);
    }
}
