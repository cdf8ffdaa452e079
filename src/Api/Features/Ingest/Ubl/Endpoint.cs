using System.Globalization;
using FastEndpoints;
using TermSync.Api.Features.Invoices;
using TermSync.Api.Infrastructure;
using TermSync.CreditNotes;
using TermSync.Ingest.Ubl;
using TermSync.Invoices;
using TermSync.Vendors;

namespace TermSync.Api.Features.Ingest.Ubl;

/// <summary>
/// Ingests one UBL 2.1 Invoice or CreditNote. The seller named in the document is logged but not matched against the
/// vendor, because a vendor's profile name is a display name that need not equal the legal name on its invoices.
/// </summary>
public sealed class Endpoint(IClusterClient cluster, ILogger<Endpoint> logger) : Endpoint<UploadRequest, InvoiceResponse>
{
    private const string PayableAmountPath = "cac:LegalMonetaryTotal/cbc:PayableAmount";
    private const string InvoiceReferencePath = "cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID";

    public override void Configure()
    {
        Post("/vendors/{vendorId}/documents/ubl");
        Description(builder => builder.AcceptsXml());
        Summary(summary =>
        {
            summary.Summary = "Send one UBL 2.1 invoice or credit note (Peppol BIS Billing 3.0, EN 16931)";
            summary.Description = "An Invoice is issued like an invoice of POST /vendors/{vendorId}/invoices/batch: its cbc:ID is the invoice number and its " +
                "payable amount the amount; the buyer's party identification (else its endpoint id, legal id, VAT id or contact email) is the customer account. " +
                "A CreditNote credits its payable amount to the invoice it names in cac:BillingReference, which must exist and have the same currency. Returns the " +
                "stored or credited invoice. An invalid document is 400 with one error per element; a negative invoice or a buyer without any identifier is 422; " +
                $"a body over {UploadBody.MaxBytes / (1024 * 1024)} MiB is 413.";
        });
    }

    public override async Task HandleAsync(UploadRequest request, CancellationToken cancellationToken)
    {
        if (await cluster.GetGrainCached<IVendorGrain>(request.VendorId).GetProfileAsync() is null)
        {
            await Send.ResultAsync(Problems.VendorNotFound(request.VendorId));
            return;
        }

        var outcome = await IngestAsync(request.VendorId, cancellationToken);
        if (outcome.Problem is not null)
        {
            await Send.ResultAsync(outcome.Problem);
            return;
        }

        HttpContext.Response.Headers.ETag = InvoiceResults.ETag(outcome.Invoice!.Version);
        await Send.OkAsync(InvoiceResponse.From(outcome.Invoice), cancellationToken);
    }

    private async Task<Outcome> IngestAsync(string vendorId, CancellationToken cancellationToken)
    {
        await using var body = await UploadBody.ReadAsync(HttpContext.Request, cancellationToken);
        if (body is null)
        {
            return Reject(vendorId, StatusCodes.Status413PayloadTooLarge, UploadBody.TooLarge(), "/");
        }

        var read = UblDocumentReader.Read(body);
        if (!read.Succeeded)
        {
            var errors = read.Errors.Select(error => new FieldError(error.Field, error.Value, error.Reason)).ToList();
            return Reject(vendorId, StatusCodes.Status400BadRequest, IngestProblems.Invalid("The UBL document is invalid.", errors), errors[0].Name, errors.Count);
        }

        var document = read.Document;
        var outcome = document.Kind == UblDocumentKind.Invoice
            ? await IssueInvoiceAsync(vendorId, document, cancellationToken)
            : await IssueCreditNoteAsync(vendorId, document);
        if (outcome.Invoice is not null)
        {
            IngestLog.UblIngested(logger, vendorId, document.Kind.ToString(), document.Id, document.Seller.Name);
        }

        return outcome;
    }

    /// <summary>Issues the invoice and returns the stored invoice, or the problem that rejects it.</summary>
    private async Task<Outcome> IssueInvoiceAsync(string vendorId, UblDocument document, CancellationToken cancellationToken)
    {
        if (document.PayableAmount <= 0m)
        {
            return RejectUnprocessable(vendorId, PayableAmountPath, Amount(document.PayableAmount), NonPositiveInvoiceReason(document));
        }

        if (UblInvoiceMapping.FromDocument(document) is not { } mapping)
        {
            return RejectUnprocessable(vendorId, UblInvoiceMapping.BuyerPartyIdPath, null,
                $"The buyer has no identifier that TermSync can use as its customer account; add {UblInvoiceMapping.BuyerPartyIdPath} with your account " +
                $"number of the buyer, or the buyer's electronic address in {UblInvoiceMapping.BuyerPath}/cbc:EndpointID.");
        }

        var issued = (await new InvoiceBatchIssuer(cluster).IssueAsync(vendorId, [mapping.Input], cancellationToken))[0];
        if (issued.Outcome != InvoiceIssueOutcome.Rejected)
        {
            return new Outcome(issued.Invoice, null);
        }

        var errors = issued.Errors.Select(error => new FieldError(mapping.PathOf(error.Field), error.Value, error.Reason)).ToList();

        // An error of the whole invoice is a conflict with the stored invoice, such as an amount below what was paid.
        return issued.Errors.Any(error => error.Field.Length == 0)
            ? Reject(vendorId, StatusCodes.Status409Conflict, Problems.Conflict(errors[0].Reason), "/")
            : Reject(vendorId, StatusCodes.Status400BadRequest, IngestProblems.Invalid("The UBL invoice is invalid.", errors), errors[0].Name, errors.Count);
    }

    /// <summary>Applies the credit note to the invoice it names and returns the credited invoice, or the problem that rejects it.</summary>
    private async Task<Outcome> IssueCreditNoteAsync(string vendorId, UblDocument document)
    {
        var invoiceNumber = document.InvoiceReference!.Id;
        if (document.PayableAmount <= 0m)
        {
            return RejectUnprocessable(vendorId, PayableAmountPath, Amount(document.PayableAmount),
                $"The credit note's payable amount is {Amount(document.PayableAmount)}, but TermSync credits a positive amount; state the amount credited to invoice '{invoiceNumber}' as a positive {PayableAmountPath}.");
        }

        var invoice = await cluster.GetGrainCached<IInvoiceGrain>(InvoiceKey.Format(vendorId, invoiceNumber)).GetAsync();
        if (invoice is null)
        {
            var detail = $"Vendor '{vendorId}' has no invoice '{invoiceNumber}', which the credit note '{document.Id}' names in {InvoiceReferencePath}; send that invoice first, then the credit note.";
            return Reject(vendorId, StatusCodes.Status404NotFound, Problems.NotFound("Invoice not found.", detail), InvoiceReferencePath);
        }

        if (invoice.Currency != document.Currency)
        {
            var detail = $"The credit note is in {document.Currency} but invoice '{invoiceNumber}' is in {invoice.Currency}; state the credit note in {invoice.Currency}.";
            return Reject(vendorId, StatusCodes.Status409Conflict, Problems.Conflict(detail), "cbc:DocumentCurrencyCode");
        }

        var creditNote = new CreditNote(invoiceNumber, document.PayableAmount, document.IssueDate);
        var result = await cluster.GetGrainCached<ICreditNoteGrain>(VendorScopedKey.Format(vendorId, document.Id)).IssueAsync(creditNote);
        if (!result.Succeeded)
        {
            var status = result.Status == InvoiceCommandStatus.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict;
            return Reject(vendorId, status, result.ToHttp(HttpContext, vendorId, invoiceNumber), "/");
        }

        return new Outcome(result.Invoice, null);
    }

    private static string NonPositiveInvoiceReason(UblDocument document)
    {
        if (document.PayableAmount == 0m)
        {
            return "The invoice's payable amount is 0, so nothing is owed and TermSync has nothing to collect; send only invoices with an amount due, " +
                "and record a prepayment as a payment of the invoice it paid.";
        }

        var corrected = document.InvoiceReference is { } reference ? $"invoice '{reference.Id}'" : "the invoice it corrects";
        return $"The invoice's payable amount is {Amount(document.PayableAmount)}, a negative corrective invoice, which TermSync cannot record as an invoice; " +
            $"send it as a UBL CreditNote of {Amount(-document.PayableAmount)} that names {corrected} in {InvoiceReferencePath}.";
    }

    private Outcome RejectUnprocessable(string vendorId, string field, string? value, string reason) =>
        Reject(vendorId, StatusCodes.Status422UnprocessableEntity, IngestProblems.Unprocessable(reason, [new FieldError(field, value, reason)]), field);

    /// <summary>Logs a rejected document by the path of its first error, never by values, and returns <paramref name="problem"/>.</summary>
    private Outcome Reject(string vendorId, int statusCode, IResult problem, string field, int errorCount = 1)
    {
        IngestLog.UblRejected(logger, vendorId, statusCode, errorCount, field);
        return new Outcome(null, problem);
    }

    /// <summary>The stored or credited invoice, or the problem that rejects the document.</summary>
    private sealed record Outcome(InvoiceSnapshot? Invoice, IResult? Problem);

    private static string Amount(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);
}
