using FastEndpoints;
using TermSync.Api.Features.Vendors.Metrics;

namespace TermSync.Api.Features.Metrics.NetworkReceivables;

public sealed class Validator : Validator<Request>
{
    public Validator() => this.AddWindowRules();
}
