using FastEndpoints;
using TermSync.Conversations;

namespace TermSync.Api.Features.Vendors.Metrics.ResponseTime;

public sealed class Endpoint(IClusterClient cluster, TimeProvider time) : VendorMetricsEndpoint<ResponseTimeFigures>(cluster, time)
{
    public override void Configure()
    {
        Get("/vendors/{vendorId}/metrics/response-time");
        Summary(summary =>
        {
            summary.Summary = "Read a vendor's customer response times";
            summary.Description =
                "The window is the windowDays dates (90 by default) ending with asOf (today by default), as calendar dates in the vendor's time zone. " +
                "It covers every question and dispute opened on a date in the window, including those recorded by vendor staff. " +
                "firstResponseCalendar and firstResponseBusiness describe the time from the customer's first message to the vendor's first reply, " +
                "over the conversations answered before the end of asOf: on the calendar clock, and on the vendor's business hours and holidays. " +
                "unansweredCount counts the conversations of the window without a reply at the end of asOf, and the oldest of them gives its age in hours on both clocks. " +
                "resolutionCalendar and resolutionBusiness describe the time from the first message to resolution, over conversations of the window resolved before the end of asOf. " +
                "Each statistic gives count, median (the mean of the two middle values for an even count), " +
                "p90 (nearest rank: the smallest value with at least 90% of values at or below it) and max, in hours rounded to two decimals. " +
                "A figure is null when there is nothing to measure.";
        });
    }

    public override async Task HandleAsync(MetricsRequest request, CancellationToken cancellationToken)
    {
        if (await ResolveAsOfAsync(request) is not { } asOf)
        {
            return;
        }

        var figures = await Cluster.GetGrainCached<IVendorConversationFiguresGrain>(request.VendorId)
            .GetResponseTimeAsync(asOf, request.WindowDays ?? MetricsRequest.DefaultWindowDays);
        await Send.OkAsync(figures, cancellationToken);
    }
}
