using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.CreditNotes;

namespace TermSync.Api.Features.CreditNotes.Get;

public sealed record Request(string VendorId, string CreditNoteNumber);

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, CreditNote>
{
    public override void Configure()
    {
        Get("/vendors/{vendorId}/credit-notes/{creditNoteNumber}");
        Summary(summary => summary.Summary = "Read a credit note");
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var number = InvoiceRoute.Decode(request.CreditNoteNumber);
        var creditNote = Identifiers.IsVendorId(request.VendorId) && Identifiers.IsInvoiceNumber(number)
            ? await cluster.GetGrainCached<ICreditNoteGrain>(VendorScopedKey.Format(request.VendorId, number)).GetAsync()
            : null;

        if (creditNote is null)
        {
            await Send.ResultAsync(Problems.NotFound("Credit note not found.", $"Vendor '{request.VendorId}' has no credit note '{number}'."));
            return;
        }

        await Send.OkAsync(creditNote, cancellationToken);
    }
}
