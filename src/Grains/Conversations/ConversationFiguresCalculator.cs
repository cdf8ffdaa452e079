using TermSync.Conversations;
using TermSync.Vendors;

namespace TermSync.Grains.Conversations;

/// <summary>
/// Computes a vendor's response-time figures from conversation summaries. Dates are calendar dates in the vendor's time
/// zone, and "by the end of D" means before local midnight that starts D + 1.
/// </summary>
internal sealed class ConversationFiguresCalculator(ResponseSettings settings, TimeZoneInfo zone)
{
    /// <summary>Returns the local calendar date of <paramref name="instant"/> in the vendor's time zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>Returns the first instant after the end of <paramref name="date"/>: local midnight of the next date.</summary>
    public DateTimeOffset EndOf(DateOnly date) =>
        ZoneTime.ToInstant(zone, date.AddDays(1).ToDateTime(TimeOnly.MinValue));

    public ResponseTimeFigures ComputeResponseTime(string vendorId, IEnumerable<ConversationSummary> summaries, DateOnly asOf, int windowDays)
    {
        var windowStart = asOf.AddDays(1 - windowDays);
        var endOfAsOf = EndOf(asOf);
        var opened = summaries
            .Where(summary => LocalDate(summary.OpenedAt) >= windowStart && LocalDate(summary.OpenedAt) <= asOf)
            .ToList();

        var answered = opened.Where(summary => summary.FirstResponseAt < endOfAsOf).ToList();
        // A conversation the customer withdrew before any reply waits for nobody, so from then on it is not unanswered.
        var unanswered = opened
            .Where(summary => summary.FirstResponseAt is null || summary.FirstResponseAt >= endOfAsOf)
            .Where(summary => summary.ResolvedAt is null || summary.ResolvedAt >= endOfAsOf)
            .ToList();
        var resolved = opened.Where(summary => summary.ResolvedAt < endOfAsOf).ToList();
        var oldest = unanswered.MinBy(summary => summary.OpenedAt);

        return new ResponseTimeFigures(
            vendorId,
            asOf,
            windowDays,
            zone.Id,
            DurationStatisticsCalculator.Compute(answered.Select(summary => summary.FirstResponseAt!.Value - summary.OpenedAt)),
            DurationStatisticsCalculator.Compute(answered.Select(summary =>
                summary.FirstResponseBusinessTime ?? Business(summary.OpenedAt, summary.FirstResponseAt!.Value))),
            unanswered.Count,
            oldest is null ? null : DurationStatisticsCalculator.Round(DurationStatisticsCalculator.Hours(endOfAsOf - oldest.OpenedAt)),
            oldest is null ? null : DurationStatisticsCalculator.Round(DurationStatisticsCalculator.Hours(Business(oldest.OpenedAt, endOfAsOf))),
            DurationStatisticsCalculator.Compute(resolved.Select(summary => summary.ResolvedAt!.Value - summary.OpenedAt)),
            DurationStatisticsCalculator.Compute(resolved.Select(summary =>
                summary.ResolutionBusinessTime ?? Business(summary.OpenedAt, summary.ResolvedAt!.Value))));
    }

    /// <summary>
    /// Returns each invoice named by a conversation opened by the end of <paramref name="asOf"/>. A conversation counts
    /// from the local date it was opened, whether the customer or vendor staff recorded it.
    /// </summary>
    public IReadOnlyList<string> QueriedInvoiceNumbers(IEnumerable<ConversationSummary> summaries, DateOnly asOf) =>
        [.. summaries
            .Where(summary => LocalDate(summary.OpenedAt) <= asOf)
            .SelectMany(summary => summary.InvoiceNumbers)
            .Distinct(StringComparer.Ordinal)];

    /// <summary>Business time by the vendor's current settings, for a summary stored without one.</summary>
    private TimeSpan Business(DateTimeOffset from, DateTimeOffset to) => BusinessClock.Elapsed(settings, zone, from, to);
}
