using FastEndpoints;
using FluentValidation;
using TermSync.Api.Features.Conversations;
using TermSync.Api.Infrastructure;

namespace TermSync.Api.Features.Customers.Conversations.Open;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(request => request.CustomerId).MustBeCustomerId();
        RuleFor(request => request.VendorId)
            .Must(Identifiers.IsVendorId)
            .WithMessage("The vendor id '{PropertyValue}' is missing or not valid; send the id of the vendor that billed the invoices.");
        this.AddOpeningRules();
    }
}
