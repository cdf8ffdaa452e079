namespace TermSync.Surveys;

/// <summary>A one-question survey about one vendor, offered to a customer in a digest or on the portal.</summary>
/// <param name="SurveyId">32 lower-case hexadecimal digits, unique across the network.</param>
/// <param name="Reference">The invoice number or conversation id of the qualification that led to the offer.</param>
/// <param name="OfferedAt">Instant of the offer. The survey stays answerable until <see cref="SurveyRules.OfferInterval"/> later.</param>
[GenerateSerializer, Immutable, Alias("termsync.SurveyOffer")]
public sealed record SurveyOffer(
    [property: Id(0)] string SurveyId,
    [property: Id(1)] string VendorId,
    [property: Id(2)] SurveyTrigger Trigger,
    [property: Id(3)] string Reference,
    [property: Id(4)] DateTimeOffset OfferedAt)
{
    /// <summary>The instant the survey stops taking answers.</summary>
    public DateTimeOffset ClosesAt => OfferedAt + SurveyRules.OfferInterval;
}
