namespace TermSync.Surveys;

/// <summary>A vendor's customer satisfaction (CSAT) over the window of <paramref name="WindowDays"/> days ending on <paramref name="AsOf"/>.</summary>
/// <param name="TimeZone">IANA time zone that turns answer instants into dates: the vendor's, or UTC.</param>
/// <param name="Answers">Survey answers dated in the window.</param>
/// <param name="Satisfied">Answers in the window that scored 4 or 5.</param>
/// <param name="Csat">Satisfied answers as a percentage of all answers in the window, rounded half away from zero to
/// two decimals, or null when the window has no answers.</param>
[GenerateSerializer, Immutable, Alias("termsync.VendorSatisfaction")]
public sealed record VendorSatisfaction(
    [property: Id(0)] string VendorId,
    [property: Id(1)] DateOnly AsOf,
    [property: Id(2)] int WindowDays,
    [property: Id(3)] string TimeZone,
    [property: Id(4)] int Answers,
    [property: Id(5)] int Satisfied,
    [property: Id(6)] decimal? Csat);
