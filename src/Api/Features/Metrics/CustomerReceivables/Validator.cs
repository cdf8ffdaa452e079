using FastEndpoints;
using TermSync.Api.Features.Vendors.Metrics;
using TermSync.Api.Infrastructure;

namespace TermSync.Api.Features.Metrics.CustomerReceivables;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(request => request.CustomerId).MustBeCustomerId();
        this.AddWindowRules();
    }
}
