namespace TermSync.Surveys;

/// <summary>How an answer to a survey ended.</summary>
[GenerateSerializer, Alias("termsync.SurveyAnswerStatus")]
public enum SurveyAnswerStatus
{
    /// <summary>The answer was stored.</summary>
    Recorded = 0,

    /// <summary>The same answer was stored before, so nothing changed.</summary>
    Unchanged = 1,

    /// <summary>The customer was never offered a survey with this id.</summary>
    NotFound = 2,

    /// <summary>The score or comment is not valid, and <see cref="SurveyAnswerResult.Field"/> names it.</summary>
    Invalid = 3,

    /// <summary>The survey was answered differently before, or it closed unanswered.</summary>
    Conflict = 4,
}

/// <summary>The outcome of <see cref="ICustomerSurveyGrain.AnswerAsync"/>.</summary>
/// <param name="Survey">The survey with its stored answer, for <see cref="SurveyAnswerStatus.Recorded"/> and
/// <see cref="SurveyAnswerStatus.Unchanged"/>, and with the earlier answer for a conflict.</param>
/// <param name="Field">For <see cref="SurveyAnswerStatus.Invalid"/>, the request field at fault: "score" or "comment".</param>
[GenerateSerializer, Immutable, Alias("termsync.SurveyAnswerResult")]
public sealed record SurveyAnswerResult(
    [property: Id(0)] SurveyAnswerStatus Status,
    [property: Id(1)] AnsweredSurvey? Survey,
    [property: Id(2)] string? Error = null,
    [property: Id(3)] string? Field = null)
{
    public bool Succeeded => Status is SurveyAnswerStatus.Recorded or SurveyAnswerStatus.Unchanged;
}
