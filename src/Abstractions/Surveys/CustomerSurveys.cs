namespace TermSync.Surveys;

/// <summary>A customer's surveys: the one waiting for an answer, when to expect the next, and recent answers.</summary>
/// <param name="Pending">The offered survey that is unanswered and still open, or null.</param>
/// <param name="NextOfferFrom">Earliest instant of a new offer, <see cref="SurveyRules.OfferInterval"/> after the last, or null before the first offer.</param>
/// <param name="Qualified">Vendors' qualifications waiting for an offer, oldest first.</param>
/// <param name="Answers">Answered surveys, newest first, up to the number the grain keeps.</param>
[GenerateSerializer, Immutable, Alias("termsync.CustomerSurveys")]
public sealed record CustomerSurveys(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] SurveyOffer? Pending,
    [property: Id(2)] DateTimeOffset? NextOfferFrom,
    [property: Id(3)] IReadOnlyList<SurveyQualification> Qualified,
    [property: Id(4)] IReadOnlyList<AnsweredSurvey> Answers);
