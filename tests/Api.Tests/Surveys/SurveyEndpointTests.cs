using System.Net;

namespace TermSync.Api.Tests.Surveys;

[Collection(ApiCollection.Name)]
public sealed class SurveyEndpointTests(ApiFixture fixture)
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Answer_validation_names_field()
    {
        var survey = await OfferedSurvey.CreateAsync(fixture);
        var path = $"/customers/{survey.CustomerId}/surveys/{survey.Offer.SurveyId}/answer";

        var cases = new (string Path, object Body, string Field)[]
        {
            (path, new { score = 0 }, "score"),
            (path, new { score = 6, comment = "ok" }, "score"),
            (path, new { comment = "no score" }, "score"),
            (path, new { score = 3, comment = new string('x', 1001) }, "comment"),
            ($"/customers/{survey.CustomerId}/surveys/not-a-survey/answer", new { score = 3 }, "surveyId"),
        };
        foreach (var (requestPath, body, field) in cases)
        {
            var fields = await HttpAssertions.AssertValidationProblemAsync(await Client.PostJsonAsync(requestPath, body));
            Assert.Equal([field], fields);
        }

        var unknown = await HttpAssertions.AssertProblemAsync(
            await Client.PostJsonAsync($"/customers/{survey.CustomerId}/surveys/{Guid.NewGuid():N}/answer", new { score = 3 }), HttpStatusCode.NotFound);
        var noCustomer = await HttpAssertions.AssertProblemAsync(
            await Client.PostJsonAsync($"/customers/{ApiRequests.NewId("nobody")}/surveys/{survey.Offer.SurveyId}/answer", new { score = 3 }), HttpStatusCode.NotFound);
        Assert.Contains("was never offered survey", unknown);
        Assert.Contains("No vendor has billed a customer", noCustomer);
        Assert.Empty((await survey.Surveys.GetAsync()).Answers);
    }

    [Fact]
    public async Task Answer_is_idempotent_and_final()
    {
        var survey = await OfferedSurvey.CreateAsync(fixture);
        var path = $"/customers/{survey.CustomerId}/surveys/{survey.Offer.SurveyId}/answer";

        var first = await (await Client.PostJsonAsync(path, new { score = 4, comment = " Quick replies. " })).ReadJsonAsync();
        var again = await (await Client.PostJsonAsync(path, new { score = 4, comment = "Quick replies." })).ReadJsonAsync();
        var conflict = await HttpAssertions.AssertProblemAsync(await Client.PostJsonAsync(path, new { score = 2 }), HttpStatusCode.Conflict);
        var list = await (await Client.GetAsync($"/customers/{survey.CustomerId}/surveys", TestContext.Current.CancellationToken)).ReadJsonAsync();

        Assert.Equal(4, first.GetProperty("answer").GetProperty("score").GetInt32());
        Assert.Equal("Quick replies.", first.GetProperty("answer").GetProperty("comment").GetString());
        Assert.Equal(first.ToString(), again.ToString());
        Assert.Contains("answered with score 4", conflict);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, list.GetProperty("pending").ValueKind);
        var answered = Assert.Single(list.GetProperty("answers").EnumerateArray());
        Assert.Equal(survey.Offer.SurveyId, answered.GetProperty("offer").GetProperty("surveyId").GetString());
        Assert.Equal("invoicePaid", answered.GetProperty("offer").GetProperty("trigger").GetString());
    }

    [Fact]
    public async Task Satisfaction_reports_csat_and_validates()
    {
        var survey = await OfferedSurvey.CreateAsync(fixture);
        await (await Client.PostJsonAsync($"/customers/{survey.CustomerId}/surveys/{survey.Offer.SurveyId}/answer", new { score = 5 })).ReadJsonAsync();
        // Tomorrow in UTC ends a window that contains today in Berlin, the test vendor's time zone, at any hour.
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var path = $"/vendors/{survey.VendorId}/metrics/satisfaction";

        var satisfaction = await (await Client.GetAsync($"{path}?asOf={tomorrow}&windowDays=7", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var empty = await (await Client.GetAsync($"{path}?asOf=2013-01-31", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var badWindow = await HttpAssertions.AssertValidationProblemAsync(await Client.GetAsync($"{path}?windowDays=367", TestContext.Current.CancellationToken));
        var badDate = await HttpAssertions.AssertValidationProblemAsync(await Client.GetAsync($"{path}?asOf=2013-13-01", TestContext.Current.CancellationToken));
        var unknownVendor = await Client.GetAsync($"/vendors/{ApiRequests.NewId("v")}/metrics/satisfaction", TestContext.Current.CancellationToken);

        Assert.Equal(1, satisfaction.GetProperty("answers").GetInt32());
        Assert.Equal(100.00m, satisfaction.GetProperty("csat").GetDecimal());
        Assert.Equal("Europe/Berlin", satisfaction.GetProperty("timeZone").GetString());
        Assert.Equal(0, empty.GetProperty("answers").GetInt32());
        Assert.Equal(90, empty.GetProperty("windowDays").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, empty.GetProperty("csat").ValueKind);
        Assert.Equal(["windowDays"], badWindow);
        Assert.Equal(["asOf"], badDate);
        Assert.Equal(HttpStatusCode.NotFound, unknownVendor.StatusCode);
    }

    [Fact]
    public async Task Unknown_customer_has_no_surveys()
    {
        var response = await Client.GetAsync($"/customers/{ApiRequests.NewId("nobody")}/surveys", TestContext.Current.CancellationToken);

        await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }
}
