namespace TermSync.Grains.Surveys;

/// <summary>The English texts of a survey, shared by the digest templates and the link pages. Values are not HTML-encoded.</summary>
public static class SurveyTexts
{
    /// <summary>Returns the question, for example "How satisfied are you with North?".</summary>
    public static string Question(string vendorName) => $"How satisfied are you with {vendorName}?";

    /// <summary>Returns the label of a score from 1 (very dissatisfied) to 5 (very satisfied).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The score is not 1 to 5.</exception>
    public static string ScoreLabel(int score) => score switch
    {
        1 => "Very dissatisfied",
        2 => "Dissatisfied",
        3 => "Neutral",
        4 => "Satisfied",
        5 => "Very satisfied",
        _ => throw new ArgumentOutOfRangeException(nameof(score), score, "A survey score is 1 to 5."),
    };
}
