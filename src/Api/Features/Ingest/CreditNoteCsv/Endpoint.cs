using System.Globalization;
using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.CreditNotes;
using TermSync.Ingest.Csv;
using TermSync.Invoices;

namespace TermSync.Api.Features.Ingest.CreditNoteCsv;

public sealed class Endpoint(IClusterClient cluster, ILogger<Endpoint> logger) : Endpoint<UploadRequest, Response>
{
    private const string FileKind = "credit note";

    public override void Configure()
    {
        Post("/vendors/{vendorId}/credit-notes/csv");
        Description(builder => builder.AcceptsCsv());
        Summary(summary =>
        {
            summary.Summary = "Upload credit notes as CSV";
            summary.Description = "A UTF-8 CSV file whose header row names the columns creditNoteNumber, invoiceNumber, currency, amount and issueDate. Each row " +
                "is issued like POST /vendors/{vendorId}/credit-notes and gets its own result. Credits of one invoice apply in file order, and a credit above " +
                "the invoice's remaining creditable amount is rejected with that amount. The currency must be the invoice's. An invalid header is 400; more " +
                $"than {CsvUpload.MaxRows} data rows or a body over {UploadBody.MaxBytes / (1024 * 1024)} MiB is 413.";
        });
    }

    public override async Task HandleAsync(UploadRequest request, CancellationToken cancellationToken)
    {
        var (read, problem) = await CsvUpload.ReadAsync(
            HttpContext.Request, cluster, logger, request.VendorId, FileKind, CsvDocumentReader.ReadCredits, row => row.RowNumber, cancellationToken);
        if (read is null)
        {
            await Send.ResultAsync(problem!);
            return;
        }

        var rows = read.Rows;
        var issued = new RowResult[rows.Count];
        await KeyedSequence.RunAsync(
            Enumerable.Range(0, rows.Count),
            index => rows[index].InvoiceNumber,
            async index => issued[index] = await IssueAsync(request.VendorId, rows[index]),
            cancellationToken);

        var results = issued
            .Concat(CsvUpload.ErrorsByRow(read).Select(errors => new RowResult(errors.Key, null, null, "rejected", null, [.. errors])))
            .OrderBy(result => result.RowNumber)
            .ToList();
        var rejected = results.Count(result => result.Outcome == "rejected");
        IngestLog.CsvProcessed(logger, request.VendorId, FileKind, results.Count - rejected, rejected);
        await Send.OkAsync(
            new Response(results, results.Count(result => result.Outcome == "created"), results.Count(result => result.Outcome == "unchanged"), rejected),
            cancellationToken);
    }

    private async Task<RowResult> IssueAsync(string vendorId, CreditRow row)
    {
        var invoice = await cluster.GetGrainCached<IInvoiceGrain>(InvoiceKey.Format(vendorId, row.InvoiceNumber)).GetAsync();
        if (invoice is null)
        {
            return Rejected(row, "invoiceNumber", row.InvoiceNumber, $"Vendor '{vendorId}' has no invoice '{row.InvoiceNumber}'; upload the invoice before its credit notes.");
        }

        if (invoice.Currency != row.Currency)
        {
            return Rejected(row, "currency", row.Currency, $"The invoice '{row.InvoiceNumber}' is in {invoice.Currency}; state the credit note in the invoice's currency.");
        }

        var creditNote = new CreditNote(row.InvoiceNumber, row.Amount, row.IssueDate);
        var result = await cluster.GetGrainCached<ICreditNoteGrain>(VendorScopedKey.Format(vendorId, row.CreditNoteNumber)).IssueAsync(creditNote);
        return result.Status switch
        {
            InvoiceCommandStatus.Applied => new RowResult(row.RowNumber, row.CreditNoteNumber, row.InvoiceNumber, "created", InvoiceResponse.From(result.Invoice!), null),
            InvoiceCommandStatus.Unchanged => new RowResult(row.RowNumber, row.CreditNoteNumber, row.InvoiceNumber, "unchanged", InvoiceResponse.From(result.Invoice!), null),
            InvoiceCommandStatus.NotFound => Rejected(row, "invoiceNumber", row.InvoiceNumber, $"Vendor '{vendorId}' has no invoice '{row.InvoiceNumber}'; upload the invoice before its credit notes."),
            _ => RejectedConflict(row, result),
        };
    }

    private static RowResult RejectedConflict(CreditRow row, InvoiceCommandResult result)
    {
        var column = ConflictColumn(row, result);
        var value = column switch
        {
            "amount" => row.Amount.ToString(CultureInfo.InvariantCulture),
            "creditNoteNumber" => row.CreditNoteNumber,
            _ => null,
        };
        return Rejected(row, column, value, result.Error ?? "The credit note conflicts with the invoice's state.");
    }

    /// <summary>
    /// Names the column a rejected credit note conflicts on: the credit note number when the number was issued
    /// before with other values (the grain then returns no invoice), the amount when it exceeds what the invoice still owes.
    /// </summary>
    private static string? ConflictColumn(CreditRow row, InvoiceCommandResult result) => result.Invoice switch
    {
        null => "creditNoteNumber",
        { } invoice when invoice.OpenAmount < row.Amount => "amount",
        _ => null,
    };

    private static RowResult Rejected(CreditRow row, string? column, string? value, string reason) =>
        new(row.RowNumber, row.CreditNoteNumber, row.InvoiceNumber, "rejected", null, [new CsvRowError(row.RowNumber, column, value, reason)]);
}
