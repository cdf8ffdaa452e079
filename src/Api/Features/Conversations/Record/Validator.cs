using FastEndpoints;
using TermSync.Api.Infrastructure;

namespace TermSync.Api.Features.Conversations.Record;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(request => request.VendorId).MustBeVendorId();
        this.AddOpeningRules();
    }
}
