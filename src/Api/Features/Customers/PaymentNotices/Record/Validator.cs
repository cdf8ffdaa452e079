using FastEndpoints;
using FluentValidation;
using TermSync.Api.Infrastructure;
using TermSync.Invoices;

namespace TermSync.Api.Features.Customers.PaymentNotices.Record;

/// <summary>
/// Checks the shape of a payment notice. The dates depend on the invoice and the vendor's current date, so the invoice
/// grain checks them when <see cref="PaymentNoticeCommand.SendAsync"/> runs.
/// </summary>
public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(request => request.CustomerId).MustBeCustomerId();
        RuleFor(request => request.VendorId).MustBeVendorId();
        RuleFor(request => InvoiceRoute.Decode(request.InvoiceNumber))
            .MustBeInvoiceNumber()
            .OverridePropertyName(nameof(Request.InvoiceNumber));
        RuleFor(request => request.Kind)
            .NotNull()
            .WithMessage("The kind is missing; send paid or promised.")
            .IsInEnum()
            .WithMessage("'{PropertyValue}' is not a kind of payment notice; send paid or promised.");
        RuleFor(request => request.Date).MustBeDate("date");
        RuleFor(request => request.Method)
            .Must(method => !string.IsNullOrWhiteSpace(method))
            .When(request => request.Kind == PaymentNoticeKind.Paid)
            .WithMessage("The payment method is missing; send how the invoice was paid, such as \"bank transfer\".");
        RuleFor(request => request.Method)
            .MaximumLength(PaymentNotice.MaxMethodLength)
            .WithMessage($"The payment method is {{TotalLength}} characters long; send at most {PaymentNotice.MaxMethodLength}.");
        RuleFor(request => request.Method)
            .Null()
            .When(request => request.Kind == PaymentNoticeKind.Promised)
            .WithMessage("A promise to pay has no payment method, but '{PropertyValue}' was sent; leave the method out.");
        RuleFor(request => request.AuthorName)
            .Must(name => !string.IsNullOrWhiteSpace(name))
            .WithMessage("The author name is missing; send the name of the clerk who sends the notice.")
            .MaximumLength(PaymentNotice.MaxAuthorNameLength)
            .WithMessage($"The author name is {{TotalLength}} characters long; send at most {PaymentNotice.MaxAuthorNameLength}.");
    }
}
