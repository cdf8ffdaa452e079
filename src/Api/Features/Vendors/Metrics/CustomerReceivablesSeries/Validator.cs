using TermSync.Api.Features.Metrics.Series;
using TermSync.Api.Infrastructure;

namespace TermSync.Api.Features.Vendors.Metrics.CustomerReceivablesSeries;

public sealed class Validator : SeriesValidator<Request>
{
    public Validator() => RuleFor(request => request.CustomerId).MustBeCustomerId();
}
