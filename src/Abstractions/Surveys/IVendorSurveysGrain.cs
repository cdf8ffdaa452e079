namespace TermSync.Surveys;

/// <summary>The survey answers about one vendor, keyed by vendor id, and the CSAT figure computed from them.</summary>
[Alias("termsync.IVendorSurveysGrain")]
public interface IVendorSurveysGrain : IGrainWithStringKey
{
    /// <summary>Maximum window of <see cref="GetSatisfactionAsync"/>, in days.</summary>
    const int MaxWindowDays = 366;

    /// <summary>Stores an answer. An answer whose survey id is stored already changes nothing.</summary>
    [Alias("RecordAnswer")]
    Task RecordAnswerAsync(VendorSurveyAnswer answer);

    /// <summary>
    /// Returns CSAT over the <paramref name="windowDays"/> days ending on <paramref name="asOf"/>, inclusive, with answer
    /// instants turned into dates in the vendor's time zone (UTC when the vendor names none).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="windowDays"/> is not 1 to <see cref="MaxWindowDays"/>.</exception>
    [Alias("GetSatisfaction")]
    Task<VendorSatisfaction> GetSatisfactionAsync(DateOnly asOf, int windowDays);
}
