using FastEndpoints;
using FluentValidation;
using TermSync.Api.Infrastructure;

namespace TermSync.Api.Features.Invoices.PushBatch;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(request => request.VendorId).MustBeVendorId();
        RuleFor(request => request.Invoices)
            .NotEmpty().WithMessage("The batch has no invoices; send 1 to 1000 invoices.")
            .Must(invoices => invoices!.Count <= Request.MaxInvoices)
            .WithMessage(request => $"The batch has {request.Invoices!.Count} invoices; split it into batches of at most {Request.MaxInvoices}.")
            .Must(HaveDistinctNumbers)
            .WithMessage("The batch contains the same invoice number more than once; send each invoice once per batch.");
        RuleForEach(request => request.Invoices).SetValidator(new InvoiceValidator());
    }

    private static bool HaveDistinctNumbers(List<InvoiceInput>? invoices) =>
        invoices is null || invoices.Select(invoice => invoice.InvoiceNumber).Distinct(StringComparer.Ordinal).Count() == invoices.Count;

    private sealed class InvoiceValidator : AbstractValidator<InvoiceInput>
    {
        public InvoiceValidator()
        {
            RuleFor(invoice => invoice.InvoiceNumber).MustBeInvoiceNumber();
            RuleFor(invoice => invoice.Customer)
                .NotNull().WithMessage("The customer is missing; send an object with id, name and optionally email.")
                .SetValidator(new CustomerValidator()!);
            RuleFor(invoice => invoice.Currency).MustBeCurrency();
            RuleFor(invoice => invoice.Amount).MustBeAmountIn(invoice => invoice.Currency);
            RuleFor(invoice => invoice.IssueDate).MustBeDate("issue date");
            RuleFor(invoice => invoice.DueDate)
                .MustBeDate("due date")
                .GreaterThanOrEqualTo(invoice => invoice.IssueDate)
                .When(invoice => invoice.IssueDate is not null)
                .WithMessage(invoice => $"The due date {invoice.DueDate:yyyy-MM-dd} is before the issue date {invoice.IssueDate:yyyy-MM-dd}; send a due date on or after it.");
        }
    }

    private sealed class CustomerValidator : AbstractValidator<CustomerInput>
    {
        public CustomerValidator()
        {
            RuleFor(customer => customer.Id).MustBeCustomerId();
            RuleFor(customer => customer.Name)
                .NotEmpty().WithMessage("The customer name is missing; send the name the digest is addressed to.")
                .MaximumLength(200).WithMessage("The customer name is {TotalLength} characters long; use at most 200.");
            RuleFor(customer => customer.Email)
                .EmailAddress().When(customer => customer.Email is not null)
                .WithMessage("'{PropertyValue}' is not an email address; send the accounts-payable mailbox or omit it.");
        }
    }
}
