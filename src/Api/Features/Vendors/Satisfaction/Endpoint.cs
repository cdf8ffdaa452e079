using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.Surveys;
using TermSync.Vendors;

namespace TermSync.Api.Features.Vendors.Satisfaction;

public sealed class Endpoint(IClusterClient cluster, TimeProvider time) : Endpoint<Request, VendorSatisfaction>
{
    public override void Configure()
    {
        Get("/vendors/{vendorId}/metrics/satisfaction");
        Summary(summary =>
        {
            summary.Summary = "Read a vendor's customer satisfaction (CSAT)";
            summary.Description = "CSAT over the windowDays days ending on asOf (inclusive): the share of survey answers in the window that scored 4 or 5 " +
                "on the 1 to 5 scale, as a percentage with two decimals, with the number of answers. Answers are dated in the vendor's time zone " +
                "(UTC unless the vendor names one). csat is null when the window has no answers.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsVendorId(request.VendorId) || await cluster.GetGrainCached<IVendorGrain>(request.VendorId).GetProfileAsync() is not { } profile)
        {
            await Send.ResultAsync(Problems.VendorNotFound(request.VendorId));
            return;
        }

        var asOf = request.AsOf ?? Today(profile.TimeZone);
        var satisfaction = await cluster.GetGrainCached<IVendorSurveysGrain>(request.VendorId)
            .GetSatisfactionAsync(asOf, request.WindowDays ?? Request.DefaultWindowDays);
        await Send.OkAsync(satisfaction, cancellationToken);
    }

    private DateOnly Today(string? timeZone)
    {
        var zone = !string.IsNullOrWhiteSpace(timeZone) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
    }
}
