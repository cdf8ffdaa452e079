namespace TermSync.Surveys;

/// <summary>
/// The satisfaction surveys of one network customer, keyed by customer id. It offers at most one survey per
/// <see cref="SurveyRules.OfferInterval"/> across all the customer's vendors, and picks the vendor fairly when
/// several qualify: the one surveyed least recently (never surveyed first), then the earliest qualification, then
/// the vendor id in ordinal order.
/// </summary>
[Alias("termsync.ICustomerSurveyGrain")]
public interface ICustomerSurveyGrain : IGrainWithStringKey
{
    /// <summary>
    /// Makes the vendor eligible for a survey. Qualifying again with the same vendor and reference changes nothing,
    /// as long as the first qualification is still kept.
    /// </summary>
    /// <param name="reference">The invoice number or conversation id.</param>
    /// <param name="at">Instant of the payment or resolution.</param>
    [Alias("Qualify")]
    Task QualifyAsync(string vendorId, SurveyTrigger trigger, string reference, DateTimeOffset at);

    /// <summary>
    /// Returns the survey to show now: the pending one while it is open, else a new offer when the last offer is
    /// <see cref="SurveyRules.OfferInterval"/> old or there was none and a qualification has not lapsed, else null.
    /// A new offer is stored, so the caller must only ask when it is about to show the survey.
    /// </summary>
    [Alias("Offer")]
    Task<SurveyOffer?> OfferAsync(DateTimeOffset now);

    /// <summary>
    /// Records the answer to an offered survey and passes it to the vendor's survey grain. The same answer again
    /// changes nothing. A different answer to an answered survey, an answer after the survey closed, a score outside
    /// 1 to 5 and a comment longer than <see cref="SurveyRules.MaxCommentLength"/> characters are rejected.
    /// </summary>
    [Alias("Answer")]
    Task<SurveyAnswerResult> AnswerAsync(string surveyId, int score, string? comment);

    /// <summary>Returns the pending survey, the next offer's earliest instant and the recent answers.</summary>
    [Alias("Get")]
    Task<CustomerSurveys> GetAsync();
}
