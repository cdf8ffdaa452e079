using FastEndpoints;
using FluentValidation;
using TermSync.Api.Infrastructure;

namespace TermSync.Api.Features.Invoices.RecordPayment;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(request => request.VendorId).MustBeVendorId();
        RuleFor(request => request.PaymentReference).MustBePaymentReference();
        RuleFor(request => request.Amount).MustBeAmount();
        RuleFor(request => request.PaidOn).MustBeDate("payment date");
    }
}
