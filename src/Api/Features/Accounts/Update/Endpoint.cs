using FastEndpoints;
using FluentValidation;
using TermSync.Accounts;
using TermSync.Api.Infrastructure;

namespace TermSync.Api.Features.Accounts.Update;

/// <summary>A customer account's new contact.</summary>
public sealed record Request(string VendorId, string AccountNumber, string? Name, string? Email, string? TaxId, string? TimeZone, string? Language);

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(request => request.VendorId).MustBeVendorId();
        RuleFor(request => request.Name)
            .NotEmpty().WithMessage("The customer name is missing; send the name the digest is addressed to.")
            .MaximumLength(200).WithMessage("The customer name is {TotalLength} characters long; use at most 200.");
        RuleFor(request => request.Email)
            .EmailAddress().When(request => request.Email is not null)
            .WithMessage("'{PropertyValue}' is not an email address; send the accounts-payable mailbox or omit it.");
        RuleFor(request => request.TaxId).MaximumLength(50).WithMessage("The tax id is {TotalLength} characters long; use at most 50.");
        RuleFor(request => request.TimeZone)
            .Must(zone => zone is null || TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            .WithMessage("'{PropertyValue}' is not a known IANA time zone; send a zone such as America/New_York, or omit it for UTC.");
    }
}

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, AccountView>
{
    public override void Configure()
    {
        Put("/vendors/{vendorId}/customers/{accountNumber}");
        Summary(summary =>
        {
            summary.Summary = "Create or update a customer account's contact";
            summary.Description = "When the new email or tax id belongs to another network customer, every invoice of the account moves to that customer's " +
                "statement and digest, without loss or double counting.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var accountNumber = InvoiceRoute.Decode(request.AccountNumber);
        var account = cluster.GetGrainCached<ICustomerAccountGrain>(VendorScopedKey.Format(request.VendorId, accountNumber));
        await account.UpsertAsync(new CustomerContact(request.Name!.Trim(), request.Email?.Trim(), request.TaxId?.Trim(), request.TimeZone, request.Language), []);
        await Send.OkAsync((await account.GetAsync())!, cancellationToken);
    }
}
