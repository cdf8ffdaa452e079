namespace TermSync.Surveys;

/// <summary>One customer's answer to a survey about a vendor, as the vendor's survey grain stores it.</summary>
[GenerateSerializer, Immutable, Alias("termsync.VendorSurveyAnswer")]
public sealed record VendorSurveyAnswer(
    [property: Id(0)] string SurveyId,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] SurveyTrigger Trigger,
    [property: Id(3)] string Reference,
    [property: Id(4)] int Score,
    [property: Id(5)] string? Comment,
    [property: Id(6)] DateTimeOffset AnsweredAt);
