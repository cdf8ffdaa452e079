using FastEndpoints;
using FluentValidation;
using TermSync.Api.Infrastructure;

namespace TermSync.Api.Features.Invoices.Amend;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(request => request.VendorId).MustBeVendorId();
        RuleFor(request => request.IfMatch)
            .Must(value => Amend.IfMatch.TryParse(value, out _))
            .When(request => request.IfMatch is not null)
            .WithMessage("If-Match '{PropertyValue}' is not an ETag of this API; send the ETag header of the invoice as read, for example \"3\" in quotes.");
        Include(new InvoiceInputValidator());
    }
}
