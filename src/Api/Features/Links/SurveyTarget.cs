using TermSync.Grains.Surveys;
using TermSync.Grains.Digests.Links;
using TermSync.Surveys;
using TermSync.Vendors;

namespace TermSync.Api.Features.Links;

/// <summary>The survey a survey link names, as the customer's survey grain has it now, with the vendor's name.</summary>
/// <param name="Open">Whether the survey waits for an answer. It is false once the survey is answered or closed.</param>
/// <param name="Answer">The stored answer, or null.</param>
internal sealed record SurveyTarget(string SurveyId, string VendorName, bool Open, SurveyAnswer? Answer)
{
    /// <summary>Returns the question, for example "How satisfied are you with North?", HTML-encoded.</summary>
    public string QuestionHtml => LinkPage.Encode(SurveyTexts.Question(VendorName));

    /// <summary>
    /// Loads the survey of verified claims. Returns null when the customer was never offered it, or it closed
    /// unanswered and fell out of the kept history, so the page can show it as closed.
    /// </summary>
    public static async Task<SurveyTarget?> LoadAsync(IClusterClient cluster, DigestLinkClaims claims)
    {
        var surveys = await cluster.GetGrainCached<ICustomerSurveyGrain>(claims.CustomerId).GetAsync();
        var offer = surveys.Pending is { } pending && pending.SurveyId == claims.SurveyId ? pending : null;
        var answered = surveys.Answers.FirstOrDefault(survey => survey.Offer.SurveyId == claims.SurveyId);
        var vendorId = offer?.VendorId ?? answered?.Offer.VendorId;
        if (vendorId is null)
        {
            return null;
        }

        var vendor = await cluster.GetGrainCached<IVendorGrain>(vendorId).GetProfileAsync();
        return new SurveyTarget(claims.SurveyId!, vendor?.Name ?? vendorId, offer is not null, answered?.Answer);
    }

    /// <summary>Returns the HTML of a stored answer: its score and label, and the comment when there is one.</summary>
    public static string AnswerHtml(SurveyAnswer answer) =>
        $"<p>Your answer: {answer.Score} ({LinkPage.Encode(SurveyTexts.ScoreLabel(answer.Score))}).</p>" +
        (answer.Comment is { } comment ? $"<p>Your comment: {LinkPage.Encode(comment)}</p>" : "");
}
