using FastEndpoints;
using FluentValidation;
using TermSync.Api.Infrastructure;

namespace TermSync.Api.Features.Invoices.RecordPayment;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(request => request.VendorId).MustBeVendorId();
        RuleFor(request => request.PaymentId)
            .NotEmpty().WithMessage("The payment id is missing; send the vendor's id of the payment so a retry is not counted twice.")
            .MaximumLength(100).WithMessage("The payment id is {TotalLength} characters long; use at most 100.");
        RuleFor(request => request.Amount)
            .NotNull().WithMessage("The amount is missing; send a positive number such as 125.50.")
            .GreaterThan(0m).WithMessage("The amount {PropertyValue} must be greater than zero.");
        RuleFor(request => request.PaidOn).MustBeDate("payment date");
    }
}
