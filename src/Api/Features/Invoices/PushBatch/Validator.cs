using FastEndpoints;
using FluentValidation;
using TermSync.Api.Infrastructure;

namespace TermSync.Api.Features.Invoices.PushBatch;

/// <summary>Checks the batch as a whole; each invoice is validated on its own by the endpoint, so one bad item does not block the rest.</summary>
public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(request => request.VendorId).MustBeVendorId();
        RuleFor(request => request.Invoices)
            .NotEmpty().WithMessage("The batch has no invoices; send 1 to 1000 invoices.");
    }
}
