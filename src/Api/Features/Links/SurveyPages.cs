namespace TermSync.Api.Features.Links;

/// <summary>Texts of the survey link pages.</summary>
internal static class SurveyPages
{
    public const string ClosedTitle = "This survey has closed";

    public static string ClosedBody =>
        "<p>A survey takes answers for 90 days after it was offered. Thank you all the same; a later digest may ask you again.</p>";
}
