using TermSync.Surveys;

namespace TermSync.Grains.Surveys;

/// <summary>The rules of <see cref="CustomerSurveyState"/>: lapsing, the offer interval, the fair pick and the size limits.</summary>
internal static class SurveyPlanner
{
    /// <summary>Maximum qualifications kept, so the oldest are dropped first beyond it. One customer rarely has this many payments in 90 days.</summary>
    public const int MaxQualifications = 200;

    /// <summary>Maximum surveys kept with their answers. At one offer per 90 days this covers about five years.</summary>
    public const int MaxSurveys = 20;

    /// <summary>Maximum vendors whose last survey instant is kept. Beyond it the vendor surveyed longest ago is forgotten first.</summary>
    public const int MaxSurveyedVendors = 500;

    /// <summary>Returns whether a qualification made at <paramref name="qualifiedAt"/> has lapsed at <paramref name="now"/>.</summary>
    public static bool HasLapsed(DateTimeOffset qualifiedAt, DateTimeOffset now) => now - qualifiedAt > SurveyRules.OfferInterval;

    /// <summary>Returns the newest survey when it is unanswered and still open at <paramref name="now"/>.</summary>
    public static SurveyOffer? Pending(this CustomerSurveyState state, DateTimeOffset now) =>
        state.Surveys.LastOrDefault() is { Answer: null } last && now < last.Offer.ClosesAt ? last.Offer : null;

    /// <summary>Returns the earliest instant of a new offer, or null when there was never one.</summary>
    public static DateTimeOffset? NextOfferFrom(this CustomerSurveyState state) =>
        state.Surveys.LastOrDefault()?.Offer.OfferedAt + SurveyRules.OfferInterval;

    /// <summary>Returns the qualifications still waiting for an offer at <paramref name="now"/>, oldest first.</summary>
    public static IEnumerable<SurveyQualification> Waiting(this CustomerSurveyState state, DateTimeOffset now) =>
        state.Qualifications
            .Where(entry => entry.SurveyId is null && !HasLapsed(entry.Qualification.QualifiedAt, now))
            .Select(entry => entry.Qualification)
            .OrderBy(qualification => qualification.QualifiedAt);

    /// <summary>
    /// Picks the qualification to offer a survey for: its vendor was surveyed least recently (never surveyed first),
    /// then it is the earliest, then its vendor id comes first in ordinal order. Returns null when none is waiting.
    /// </summary>
    public static SurveyQualification? Pick(this CustomerSurveyState state, DateTimeOffset now) =>
        state.Waiting(now)
            .OrderBy(qualification => state.LastSurveyedAt.TryGetValue(qualification.VendorId, out var surveyed) ? surveyed : DateTimeOffset.MinValue)
            .ThenBy(qualification => qualification.QualifiedAt)
            .ThenBy(qualification => qualification.VendorId, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>Drops lapsed qualifications and trims every list to its limit.</summary>
    public static void Prune(this CustomerSurveyState state, DateTimeOffset now)
    {
        state.Qualifications.RemoveAll(entry => HasLapsed(entry.Qualification.QualifiedAt, now));
        TrimFront(state.Qualifications, MaxQualifications);
        TrimFront(state.Surveys, MaxSurveys);

        var excess = state.LastSurveyedAt.Count - MaxSurveyedVendors;
        foreach (var vendorId in state.LastSurveyedAt.OrderBy(pair => pair.Value).Take(Math.Max(0, excess)).Select(pair => pair.Key).ToList())
        {
            state.LastSurveyedAt.Remove(vendorId);
        }
    }

    private static void TrimFront<T>(List<T> list, int limit)
    {
        if (list.Count > limit)
        {
            list.RemoveRange(0, list.Count - limit);
        }
    }
}
