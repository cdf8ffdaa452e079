using FastEndpoints;
using TermSync.Api.Infrastructure;

namespace TermSync.Api.Features.Vendors.Metrics.CustomerReceivables;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(request => request.CustomerId).MustBeCustomerId();
        this.AddWindowRules();
    }
}
