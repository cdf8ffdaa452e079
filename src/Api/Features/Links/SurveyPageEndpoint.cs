using System.Text;
using TermSync.Grains.Surveys;
using TermSync.Grains.Digests.Links;
using TermSync.Surveys;

namespace TermSync.Api.Features.Links;

/// <summary>
/// The page behind a survey link of a digest: a form with the score of the link chosen and a comment field. Opening
/// the link records nothing, because mail scanners open links on their own. Only the form's POST to
/// <see cref="SurveyEndpoint"/> records the answer.
/// </summary>
public sealed class SurveyPageEndpoint(IClusterClient cluster, DigestLinkSigner signer, ILogger<SurveyPageEndpoint> logger)
    : LinkEndpoint<LinkRequest>(signer, logger)
{
    public override void Configure()
    {
        Get("/links/survey");
        DescribePage(
            "Page behind a digest's survey link",
            "Shows the survey question with the score of the link chosen and an optional comment; the form posts to POST /links/survey. " +
            "Opening the page records nothing. A tampered token gets 400, an expired one or a closed survey 410.");
    }

    public override async Task HandleAsync(LinkRequest request, CancellationToken cancellationToken)
    {
        if (await VerifyAsync(request.Token, DigestLinkPurpose.Survey, cancellationToken) is not { } claims)
        {
            return;
        }

        var target = await SurveyTarget.LoadAsync(cluster, claims);
        if (target?.Answer is { } answer)
        {
            await SendPageAsync(StatusCodes.Status200OK, "Thank you for your answer", $"<p>{target.QuestionHtml}</p>" + SurveyTarget.AnswerHtml(answer), cancellationToken);
            return;
        }

        if (target is not { Open: true })
        {
            await SendPageAsync(StatusCodes.Status410Gone, SurveyPages.ClosedTitle, SurveyPages.ClosedBody, cancellationToken);
            return;
        }

        await SendPageAsync(StatusCodes.Status200OK, "One question", RenderForm(target, request.Token!, claims.Score!.Value), cancellationToken);
    }

    private static string RenderForm(SurveyTarget target, string token, int chosen)
    {
        // The form posts to the same path as this page, so a public base address with a path prefix keeps working.
        var html = new StringBuilder()
            .Append("<form method=\"post\" action=\"survey\">")
            .Append("<input type=\"hidden\" name=\"token\" value=\"").Append(LinkPage.Encode(token)).Append("\">")
            .Append("<fieldset><legend>").Append(target.QuestionHtml).Append("</legend>");
        for (var score = SurveyRules.MinScore; score <= SurveyRules.MaxScore; score++)
        {
            html.Append("<label><input type=\"radio\" name=\"score\" value=\"").Append(score).Append('"')
                .Append(score == chosen ? " checked" : "")
                .Append("> ").Append(score).Append(' ').Append(LinkPage.Encode(SurveyTexts.ScoreLabel(score))).Append("</label><br>");
        }

        return html.Append("</fieldset>")
            .Append("<p><label for=\"comment\">Comment (optional, up to ").Append(SurveyRules.MaxCommentLength).Append(" characters)</label><br>")
            .Append("<textarea id=\"comment\" name=\"comment\" rows=\"5\" cols=\"60\" maxlength=\"").Append(SurveyRules.MaxCommentLength).Append("\"></textarea></p>")
            .Append("<button type=\"submit\">Send answer</button></form>")
            .ToString();
    }
}
