using FastEndpoints;
using FluentValidation;
using TermSync.Api.Infrastructure;

namespace TermSync.Api.Features.Payments.Record;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(request => request.VendorId).MustBeVendorId();
        RuleFor(request => request.PaymentReference).MustBePaymentReference();
        RuleFor(request => request.CustomerAccount)
            .NotEmpty().WithMessage("The customer account is missing; send the vendor's account number of the paying customer.");
        RuleFor(request => request.Currency).MustBeCurrency();
        RuleFor(request => request.Amount).MustBeAmountIn(request => request.Currency);
        RuleFor(request => request.ReceivedOn).MustBeDate("date received");
        RuleFor(request => request.Allocations)
            .Must(allocations => allocations!.Count <= 1000).When(request => request.Allocations is not null)
            .WithMessage("A payment can be allocated to at most 1000 invoices; split the remittance.")
            .Must(allocations => allocations!.Select(allocation => allocation.InvoiceNumber).Distinct(StringComparer.Ordinal).Count() == allocations!.Count)
            .When(request => request.Allocations is not null)
            .WithMessage("An invoice appears twice in the allocations; send one allocation per invoice.");
        RuleFor(request => request.Allocations!.Sum(allocation => allocation.Amount ?? 0m))
            .LessThanOrEqualTo(request => request.Amount ?? 0m)
            .When(request => request.Allocations is not null && request.Amount is not null)
            .OverridePropertyName("allocations")
            .WithMessage(request => $"The allocations add up to {request.Allocations!.Sum(allocation => allocation.Amount ?? 0m)}, more than the amount of {request.Amount}; allocate at most the amount received.");
        RuleForEach(request => request.Allocations).ChildRules(allocation =>
        {
            allocation.RuleFor(item => item.InvoiceNumber).MustBeInvoiceNumber();
            allocation.RuleFor(item => item.Amount)
                .NotNull().WithMessage("The allocated amount is missing; send a positive number.")
                .GreaterThan(0m).WithMessage("The allocated amount {PropertyValue} must be greater than zero.");
        });
        RuleForEach(request => request.Allocations)
            .Must((request, allocation) => allocation.Amount is null || request.Currency is null || !TermSync.Money.Currencies.IsKnown(request.Currency)
                || TermSync.Money.Currencies.FitsMinorUnits(request.Currency, allocation.Amount.Value))
            .WithMessage((request, allocation) => $"The allocated amount {allocation.Amount} has more decimals than {request.Currency} allows; send it as the vendor booked it, TermSync does not round.");
    }
}
