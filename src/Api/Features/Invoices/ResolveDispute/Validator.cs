using FastEndpoints;
using TermSync.Api.Infrastructure;

namespace TermSync.Api.Features.Invoices.ResolveDispute;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(request => request.VendorId).MustBeVendorId();
        RuleFor(request => request.ResolvedOn).MustBeDate("resolution date");
    }
}
