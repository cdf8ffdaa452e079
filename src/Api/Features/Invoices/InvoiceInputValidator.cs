using FluentValidation;
using TermSync.Api.Infrastructure;

namespace TermSync.Api.Features.Invoices;

/// <summary>Validates one invoice; every message names the value and the fix.</summary>
public sealed class InvoiceInputValidator : AbstractValidator<InvoiceInput>
{
    public InvoiceInputValidator()
    {
        RuleFor(invoice => invoice.InvoiceNumber).MustBeInvoiceNumber();
        RuleFor(invoice => invoice.Customer)
            .NotNull().WithMessage("The customer is missing; send an object with accountNumber, name and email or taxId.")
            .SetValidator(new CustomerInputValidator()!);
        RuleFor(invoice => invoice.Currency).MustBeCurrency();
        RuleFor(invoice => invoice.Amount).MustBeAmountIn(invoice => invoice.Currency);
        RuleFor(invoice => invoice.IssueDate).MustBeDate("issue date");
        RuleFor(invoice => invoice.DueDate)
            .NotNull().When(invoice => invoice.Terms is null)
            .WithMessage("The due date is missing; send dueDate as YYYY-MM-DD, or terms to compute it from.");
        RuleFor(invoice => invoice.DueDate)
            .GreaterThanOrEqualTo(invoice => invoice.IssueDate)
            .When(invoice => invoice.IssueDate is not null && invoice.DueDate is not null)
            .WithMessage(invoice => $"The due date {invoice.DueDate:yyyy-MM-dd} is before the issue date {invoice.IssueDate:yyyy-MM-dd}; send a due date on or after it.");
        RuleFor(invoice => invoice.Terms)
            .Must(terms => terms!.NetDays is not null)
            .When(invoice => invoice.Terms is not null)
            .WithMessage("The terms have no netDays; send the number of days until the invoice is due, for example 30.")
            .Must((invoice, terms) => invoice.ToTerms()!.Validate() is null)
            .When(invoice => invoice.Terms?.NetDays is not null)
            .WithMessage(invoice => $"{invoice.ToTerms()!.Validate()} Send terms such as {{\"netDays\": 30, \"discountPercent\": 2, \"discountDays\": 10}}.");
    }

    private sealed class CustomerInputValidator : AbstractValidator<CustomerInput>
    {
        public CustomerInputValidator()
        {
            RuleFor(customer => customer.AccountNumber)
                .Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("The customer account number is missing; send the vendor's own account number of the customer.")
                .MaximumLength(100).WithMessage("The account number is {TotalLength} characters long; use at most 100.")
                .Must(Identifiers.IsInvoiceNumber).WithMessage("'{PropertyValue}' is not a valid account number; remove control characters and surrounding spaces.");
            RuleFor(customer => customer.Name)
                .NotEmpty().WithMessage("The customer name is missing; send the name the digest is addressed to.")
                .MaximumLength(200).WithMessage("The customer name is {TotalLength} characters long; use at most 200.");
            RuleFor(customer => customer.Email)
                .EmailAddress().When(customer => customer.Email is not null)
                .WithMessage("'{PropertyValue}' is not an email address; send the accounts-payable mailbox or omit it.");
            RuleFor(customer => customer.TaxId)
                .MaximumLength(50).WithMessage("The tax id is {TotalLength} characters long; use at most 50.");
            RuleFor(customer => customer.TimeZone)
                .Must(zone => zone is null || TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
                .WithMessage("'{PropertyValue}' is not a known IANA time zone; send a zone such as America/New_York, or omit it for UTC.");
            RuleFor(customer => customer.Language)
                .Matches("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$").When(customer => customer.Language is not null)
                .WithMessage("'{PropertyValue}' is not a language tag; send one such as en, de or fr-CA.");
        }
    }
}
