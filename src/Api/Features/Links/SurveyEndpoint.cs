using System.Globalization;
using FastEndpoints;
using TermSync.Grains.Digests.Links;
using TermSync.Surveys;

namespace TermSync.Api.Features.Links;

/// <summary>
/// Records the answer of the survey form: the signed token, the score and an optional comment, as form fields.
/// Sending the same answer again changes nothing; a different answer to an answered survey is not stored.
/// </summary>
public sealed class SurveyEndpoint(IClusterClient cluster, DigestLinkSigner signer, ILogger<SurveyEndpoint> logger)
    : LinkEndpoint<EmptyRequest>(signer, logger)
{
    public override void Configure()
    {
        Post("/links/survey");
        DescribePage(
            "Answer a survey through a digest link",
            "Takes the form fields 'token' (the signed survey token), 'score' (1 to 5; the token's score when omitted) and 'comment' " +
            "(optional, at most 1000 characters). A tampered token or an invalid score or comment gets 400, a different answer to an " +
            "answered survey 409, and an expired token or a closed survey 410.");
    }

    public override async Task HandleAsync(EmptyRequest request, CancellationToken cancellationToken)
    {
        var form = HttpContext.Request.HasFormContentType ? await HttpContext.Request.ReadFormAsync(cancellationToken) : null;
        if (await VerifyAsync(form?["token"], DigestLinkPurpose.Survey, cancellationToken) is not { } claims)
        {
            return;
        }

        string? scoreText = form!["score"];
        var score = claims.Score!.Value;
        if (!string.IsNullOrEmpty(scoreText) && !int.TryParse(scoreText, NumberStyles.None, CultureInfo.InvariantCulture, out score))
        {
            score = 0;
        }

        var result = await cluster.GetGrainCached<ICustomerSurveyGrain>(claims.CustomerId).AnswerAsync(claims.SurveyId!, score, form["comment"]);
        switch (result.Status)
        {
            case SurveyAnswerStatus.Recorded or SurveyAnswerStatus.Unchanged:
                LinkLog.SurveyAnswered(logger, claims.CustomerId, claims.SurveyId!, score);
                await SendPageAsync(StatusCodes.Status200OK, "Thank you for your answer", SurveyTarget.AnswerHtml(result.Survey!.Answer), cancellationToken);
                break;
            case SurveyAnswerStatus.Invalid:
                await SendPageAsync(
                    StatusCodes.Status400BadRequest,
                    "The answer is not valid",
                    $"<p>{LinkPage.Encode(PageError(result))}</p><p>Go back to the form, correct the answer and send it again.</p>",
                    cancellationToken);
                break;
            case SurveyAnswerStatus.Conflict when result.Survey is { } earlier:
                await SendPageAsync(
                    StatusCodes.Status409Conflict,
                    "You answered this survey before",
                    "<p>A survey takes one answer, so this one was not stored.</p>" + SurveyTarget.AnswerHtml(earlier.Answer),
                    cancellationToken);
                break;
            case SurveyAnswerStatus.Conflict:
                await SendPageAsync(StatusCodes.Status410Gone, SurveyPages.ClosedTitle, SurveyPages.ClosedBody, cancellationToken);
                break;
            default:
                await SendRejectedAsync(DigestLinkStatus.Invalid, cancellationToken);
                break;
        }
    }

    /// <summary>Returns the message for the reader of the form, which has no API fields or URLs to point at.</summary>
    private static string PageError(SurveyAnswerResult result) => result.Field == "score"
        ? $"Choose a score from {SurveyRules.MinScore} (very dissatisfied) to {SurveyRules.MaxScore} (very satisfied)."
        : result.Error!;
}
