using System.Text.RegularExpressions;

namespace TermSync.Surveys;

/// <summary>The limits of satisfaction surveys, shared by the grains, the API and the link pages.</summary>
public static partial class SurveyRules
{
    /// <summary>
    /// Minimum time between two offers to one customer across the whole network. It is also how long an offer stays
    /// answerable and how long a qualification waits for an offer before it lapses.
    /// </summary>
    public static readonly TimeSpan OfferInterval = TimeSpan.FromDays(90);

    public const int MinScore = 1;

    public const int MaxScore = 5;

    /// <summary>Lowest score that counts as satisfied in CSAT.</summary>
    public const int SatisfiedScore = 4;

    /// <summary>Maximum comment length, in characters, after surrounding white space is trimmed.</summary>
    public const int MaxCommentLength = 1000;

    /// <summary>Survey ids: 32 lower-case hexadecimal digits, as a GUID formatted with "N".</summary>
    public const string SurveyIdPattern = @"^[0-9a-f]{32}\z";

    public static bool IsSurveyId(string? value) => value is not null && SurveyId().IsMatch(value);

    public static bool IsScore(int score) => score is >= MinScore and <= MaxScore;

    /// <summary>Returns the comment trimmed, or null when it is missing or only white space.</summary>
    public static string? NormalizeComment(string? comment) =>
        string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();

    /// <summary>
    /// Returns why a comment is not valid, or null when it is: longer than <see cref="MaxCommentLength"/> after trimming,
    /// or containing control characters other than line breaks and tabs.
    /// </summary>
    public static string? CheckComment(string? comment)
    {
        var normalized = NormalizeComment(comment);
        if (normalized is null)
        {
            return null;
        }

        if (normalized.Length > MaxCommentLength)
        {
            return $"The comment has {normalized.Length} characters; shorten it to at most {MaxCommentLength}.";
        }

        return normalized.Any(character => char.IsControl(character) && character is not '\n' and not '\r' and not '\t')
            ? "The comment contains control characters; send plain text, with line breaks if needed."
            : null;
    }

    [GeneratedRegex(SurveyIdPattern)]
    private static partial Regex SurveyId();
}
