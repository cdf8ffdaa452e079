namespace TermSync.Surveys;

/// <summary>A customer's answer to a survey.</summary>
/// <param name="Score">1 (very dissatisfied) to 5 (very satisfied).</param>
/// <param name="Comment">Optional text of at most <see cref="SurveyRules.MaxCommentLength"/> characters, trimmed.</param>
[GenerateSerializer, Immutable, Alias("termsync.SurveyAnswer")]
public sealed record SurveyAnswer(
    [property: Id(0)] int Score,
    [property: Id(1)] string? Comment,
    [property: Id(2)] DateTimeOffset AnsweredAt);

/// <summary>An offered survey and its answer.</summary>
[GenerateSerializer, Immutable, Alias("termsync.AnsweredSurvey")]
public sealed record AnsweredSurvey(
    [property: Id(0)] SurveyOffer Offer,
    [property: Id(1)] SurveyAnswer Answer);
