namespace TermSync.Surveys;

/// <summary>A vendor's eligibility to survey a customer, from one paid invoice or resolved conversation.</summary>
/// <param name="Reference">What qualified: the invoice number or the conversation id. Unique per vendor and trigger.</param>
/// <param name="QualifiedAt">Instant of the event. The qualification lapses <see cref="SurveyRules.OfferInterval"/> later.</param>
[GenerateSerializer, Immutable, Alias("termsync.SurveyQualification")]
public sealed record SurveyQualification(
    [property: Id(0)] string VendorId,
    [property: Id(1)] SurveyTrigger Trigger,
    [property: Id(2)] string Reference,
    [property: Id(3)] DateTimeOffset QualifiedAt);
