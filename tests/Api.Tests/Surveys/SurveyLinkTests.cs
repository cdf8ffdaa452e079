using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TermSync.Grains.Digests.Links;

namespace TermSync.Api.Tests.Surveys;

[Collection(ApiCollection.Name)]
public sealed partial class SurveyLinkTests(ApiFixture fixture)
{
    private DigestLinkSigner Signer => fixture.Factory.Services.GetRequiredService<DigestLinkSigner>();

    [Fact]
    public async Task Get_shows_form_and_records_nothing()
    {
        var survey = await OfferedSurvey.CreateAsync(fixture, "North <script>x</script>");
        var token = Token(survey, 4);

        using var anonymous = fixture.CreateClient(null);
        var page = await SendAsync(anonymous, HttpMethod.Get, $"/links/survey?token={token}", null, HttpStatusCode.OK);
        await SendAsync(anonymous, HttpMethod.Get, $"/links/survey?token={token}", null, HttpStatusCode.OK);

        Assert.Contains("How satisfied are you with North &lt;script&gt;x&lt;/script&gt;?", page);
        Assert.DoesNotContain("<script>", page);
        Assert.Contains("<input type=\"radio\" name=\"score\" value=\"4\" checked>", page);
        Assert.Single(CheckedPattern().Matches(page));
        Assert.Contains($"<input type=\"hidden\" name=\"token\" value=\"{token}\">", page);
        Assert.Contains("<form method=\"post\" action=\"survey\">", page);
        var view = await survey.Surveys.GetAsync();
        Assert.Equal(survey.Offer, view.Pending);
        Assert.Empty(view.Answers);
    }

    [Fact]
    public async Task Post_records_answer_once()
    {
        var survey = await OfferedSurvey.CreateAsync(fixture);
        var token = Token(survey, 2);

        using var anonymous = fixture.CreateClient(null);
        var answered = await SendAsync(anonymous, HttpMethod.Post, "/links/survey", Form(token, "5", "Fast <b>help</b>"), HttpStatusCode.OK);
        var again = await SendAsync(anonymous, HttpMethod.Post, "/links/survey", Form(token, "5", "Fast <b>help</b>"), HttpStatusCode.OK);
        var changed = await SendAsync(anonymous, HttpMethod.Post, "/links/survey", Form(token, "1", null), HttpStatusCode.Conflict);
        var invalid = await SendAsync(anonymous, HttpMethod.Post, "/links/survey", Form(token, "9", null), HttpStatusCode.BadRequest);
        var reopened = await SendAsync(anonymous, HttpMethod.Get, $"/links/survey?token={token}", null, HttpStatusCode.OK);

        Assert.Contains("Thank you for your answer", answered);
        Assert.Contains("Your answer: 5 (Very satisfied).", answered);
        Assert.Contains("Your comment: Fast &lt;b&gt;help&lt;/b&gt;", answered);
        Assert.Contains("Your answer: 5 (Very satisfied).", again);
        Assert.Contains("You answered this survey before", changed);
        Assert.Contains("Choose a score from 1 (very dissatisfied) to 5 (very satisfied).", invalid);
        Assert.Contains("Thank you for your answer", reopened);
        var answer = Assert.Single((await survey.Surveys.GetAsync()).Answers);
        Assert.Equal((5, "Fast <b>help</b>"), (answer.Answer.Score, answer.Answer.Comment));
    }

    [Fact]
    public async Task Post_without_score_takes_token_score()
    {
        var survey = await OfferedSurvey.CreateAsync(fixture);

        using var anonymous = fixture.CreateClient(null);
        await SendAsync(anonymous, HttpMethod.Post, "/links/survey", Form(Token(survey, 3), null, null), HttpStatusCode.OK);

        var answer = Assert.Single((await survey.Surveys.GetAsync()).Answers);
        Assert.Equal((3, null), (answer.Answer.Score, answer.Answer.Comment));
    }

    [Fact]
    public async Task Tampered_token_shows_nothing()
    {
        var survey = await OfferedSurvey.CreateAsync(fixture, "Hidden Vendor");
        var token = Token(survey, 5);
        var tampered = token[..5] + (token[5] == 'A' ? 'B' : 'A') + token[6..];
        var otherKey = new DigestLinkClaims(DigestLinkPurpose.Statement, survey.CustomerId, null, null, Signer.NewExpiry());

        using var anonymous = fixture.CreateClient(null);
        foreach (var path in new[] { $"/links/survey?token={tampered}", "/links/survey", $"/links/survey?token={Signer.CreateToken(otherKey)}" })
        {
            var html = await SendAsync(anonymous, HttpMethod.Get, path, null, HttpStatusCode.BadRequest);
            Assert.Contains("This link is not valid", html);
            Assert.DoesNotContain("Hidden Vendor", html);
            Assert.DoesNotContain(survey.CustomerId, html);
        }

        var posted = await SendAsync(anonymous, HttpMethod.Post, "/links/survey", Form(tampered, "5", null), HttpStatusCode.BadRequest);
        Assert.Contains("This link is not valid", posted);
        Assert.Empty((await survey.Surveys.GetAsync()).Answers);
    }

    [Fact]
    public async Task Expired_token_has_expired()
    {
        var survey = await OfferedSurvey.CreateAsync(fixture);
        var expired = Signer.CreateToken(new DigestLinkClaims(
            DigestLinkPurpose.Survey, survey.CustomerId, null, null, DateTimeOffset.UtcNow.AddMinutes(-1), survey.Offer.SurveyId, 5));

        using var anonymous = fixture.CreateClient(null);
        var page = await SendAsync(anonymous, HttpMethod.Get, $"/links/survey?token={expired}", null, HttpStatusCode.Gone);
        await SendAsync(anonymous, HttpMethod.Post, "/links/survey", Form(expired, "5", null), HttpStatusCode.Gone);

        Assert.Contains("This link has expired", page);
        Assert.Empty((await survey.Surveys.GetAsync()).Answers);
    }

    private string Token(OfferedSurvey survey, int score) =>
        Signer.CreateToken(new DigestLinkClaims(DigestLinkPurpose.Survey, survey.CustomerId, null, null, Signer.NewExpiry(), survey.Offer.SurveyId, score));

    private static FormUrlEncodedContent Form(string token, string? score, string? comment)
    {
        var fields = new Dictionary<string, string> { ["token"] = token };
        if (score is not null)
        {
            fields["score"] = score;
        }

        if (comment is not null)
        {
            fields["comment"] = comment;
        }

        return new FormUrlEncodedContent(fields);
    }

    private static async Task<string> SendAsync(HttpClient client, HttpMethod method, string path, HttpContent? content, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"{method} {path} gave {(int)response.StatusCode}, expected {(int)expected}: {html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return html;
    }

    [GeneratedRegex(" checked>")]
    private static partial Regex CheckedPattern();
}
