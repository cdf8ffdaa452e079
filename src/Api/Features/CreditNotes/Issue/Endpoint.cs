using FastEndpoints;
using FluentValidation;
using TermSync.Api.Infrastructure;
using TermSync.CreditNotes;
using TermSync.Invoices;
using TermSync.Money;

namespace TermSync.Api.Features.CreditNotes.Issue;

/// <summary>A credit note against one invoice, in the invoice's currency.</summary>
public sealed record Request(string VendorId, string? CreditNoteNumber, string? InvoiceNumber, decimal? Amount, DateOnly? IssueDate);

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(request => request.VendorId).MustBeVendorId();
        RuleFor(request => request.CreditNoteNumber).MustBePaymentReference();
        RuleFor(request => request.InvoiceNumber).MustBeInvoiceNumber();
        RuleFor(request => request.Amount).MustBeAmount();
        RuleFor(request => request.IssueDate).MustBeDate("issue date");
    }
}

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, InvoiceResponse>
{
    public override void Configure()
    {
        Post("/vendors/{vendorId}/credit-notes");
        Summary(summary =>
        {
            summary.Summary = "Issue a credit note against an invoice";
            summary.Description = "Credits never exceed the invoice's open amount; a larger credit is 409 with the remaining creditable amount. The credit note " +
                "number is the natural key: the same note again changes nothing, another note under a used number is 409. Returns the credited invoice.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var invoice = await cluster.GetGrainCached<IInvoiceGrain>(InvoiceKey.Format(request.VendorId, request.InvoiceNumber!)).GetAsync();
        if (invoice is not null && !Currencies.FitsMinorUnits(invoice.Currency, request.Amount!.Value))
        {
            AddError(r => r.Amount, $"The amount {request.Amount} has more decimals than {invoice.Currency}, the invoice's currency, allows; send it as booked, TermSync does not round.");
            await Send.ErrorsAsync(cancellation: cancellationToken);
            return;
        }

        var creditNote = new CreditNote(request.InvoiceNumber!, request.Amount!.Value, request.IssueDate!.Value);
        var result = await cluster.GetGrainCached<ICreditNoteGrain>(VendorScopedKey.Format(request.VendorId, request.CreditNoteNumber!)).IssueAsync(creditNote);
        await Send.ResultAsync(result.ToHttp(HttpContext, request.VendorId, request.InvoiceNumber!));
    }
}
