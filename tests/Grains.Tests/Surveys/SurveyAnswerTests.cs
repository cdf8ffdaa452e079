using TermSync.Grains.Tests.Digests.Scheduling;
using TermSync.Surveys;

namespace TermSync.Grains.Tests.Surveys;

/// <summary>Answers to a customer's survey: validation, idempotency, conflicts and the 90-day close.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SurveyAnswerTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Invalid_answers_are_rejected()
    {
        var (surveys, offer) = await OfferedAsync(fixture.Grains);

        var low = await surveys.AnswerAsync(offer.SurveyId, 0, null);
        var high = await surveys.AnswerAsync(offer.SurveyId, 6, null);
        var longComment = await surveys.AnswerAsync(offer.SurveyId, 3, new string('x', SurveyRules.MaxCommentLength + 1));
        var controlComment = await surveys.AnswerAsync(offer.SurveyId, 3, "bad\u0007bell");
        var unknown = await surveys.AnswerAsync(Guid.NewGuid().ToString("N"), 3, null);

        Assert.Equal((SurveyAnswerStatus.Invalid, "score"), (low.Status, low.Field));
        Assert.Contains("The score 0 is out of range", low.Error);
        Assert.Equal((SurveyAnswerStatus.Invalid, "score"), (high.Status, high.Field));
        Assert.Equal((SurveyAnswerStatus.Invalid, "comment"), (longComment.Status, longComment.Field));
        Assert.Contains("1001 characters", longComment.Error);
        Assert.Equal((SurveyAnswerStatus.Invalid, "comment"), (controlComment.Status, controlComment.Field));
        Assert.Equal(SurveyAnswerStatus.NotFound, unknown.Status);
        Assert.Equal(offer, (await surveys.GetAsync()).Pending);
    }

    [Fact]
    public async Task Same_answer_twice_is_unchanged()
    {
        var (surveys, offer) = await OfferedAsync(fixture.Grains);

        var first = await surveys.AnswerAsync(offer.SurveyId, 4, "Quick replies.");
        var again = await surveys.AnswerAsync(offer.SurveyId, 4, "  Quick replies.\n");
        var otherScore = await surveys.AnswerAsync(offer.SurveyId, 5, "Quick replies.");
        var otherComment = await surveys.AnswerAsync(offer.SurveyId, 4, null);

        Assert.Equal(SurveyAnswerStatus.Recorded, first.Status);
        Assert.Equal(SurveyAnswerStatus.Unchanged, again.Status);
        Assert.Equal(first.Survey, again.Survey);
        Assert.Equal(SurveyAnswerStatus.Conflict, otherScore.Status);
        Assert.Contains("answered with score 4", otherScore.Error);
        Assert.Equal(SurveyAnswerStatus.Conflict, otherComment.Status);
        var view = await surveys.GetAsync();
        Assert.Null(view.Pending);
        var answered = Assert.Single(view.Answers);
        Assert.Equal((4, "Quick replies."), (answered.Answer.Score, answered.Answer.Comment));
        var satisfaction = await fixture.Grains.GetGrain<IVendorSurveysGrain>(offer.VendorId)
            .GetSatisfactionAsync(DateOnly.FromDateTime(answered.Answer.AnsweredAt.UtcDateTime), 1);
        Assert.Equal((1, 1, 100.00m), (satisfaction.Answers, satisfaction.Satisfied, satisfaction.Csat));
    }

    [Fact]
    public async Task Qualify_twice_keeps_one()
    {
        var customerId = TestData.NewId("c");
        var surveys = fixture.Grains.GetGrain<ICustomerSurveyGrain>(customerId);
        var at = DateTimeOffset.UtcNow;

        await surveys.QualifyAsync("v-one", SurveyTrigger.InvoicePaid, "A-1", at);
        await surveys.QualifyAsync("v-one", SurveyTrigger.InvoicePaid, "A-1", at.AddMinutes(5));
        await surveys.QualifyAsync("v-one", SurveyTrigger.ConversationResolved, "A-1", at);
        await surveys.QualifyAsync("v-two", SurveyTrigger.InvoicePaid, "B-1", at.AddDays(-91));

        var qualified = (await surveys.GetAsync()).Qualified;
        Assert.Equal(
            [("v-one", SurveyTrigger.InvoicePaid, at), ("v-one", SurveyTrigger.ConversationResolved, at)],
            qualified.Select(qualification => (qualification.VendorId, qualification.Trigger, qualification.QualifiedAt)));
    }

    [Fact]
    public async Task Offer_closes_after_ninety_days()
    {
        var start = new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);
        await using var cluster = await FakeClockCluster.StartAsync(start);
        var surveys = cluster.Grains.GetGrain<ICustomerSurveyGrain>(TestData.NewId("c"));
        await surveys.QualifyAsync("v-one", SurveyTrigger.InvoicePaid, "A-1", start);
        await surveys.QualifyAsync("v-two", SurveyTrigger.InvoicePaid, "B-1", start);
        var offer = await surveys.OfferAsync(start);
        Assert.NotNull(offer);

        cluster.Clock.SetUtcNow(start + SurveyRules.OfferInterval - TimeSpan.FromSeconds(1));
        var stillOpen = await surveys.OfferAsync(cluster.Clock.GetUtcNow());
        cluster.Clock.SetUtcNow(start + SurveyRules.OfferInterval);
        var late = await surveys.AnswerAsync(offer.SurveyId, 5, null);

        Assert.Equal(offer, stillOpen);
        Assert.Equal(SurveyAnswerStatus.Conflict, late.Status);
        Assert.Contains("closed unanswered", late.Error);
        Assert.Null((await surveys.GetAsync()).Pending);

        // The other vendor's qualification is exactly 90 days old, so it has not lapsed and brings the next offer.
        var next = await surveys.OfferAsync(cluster.Clock.GetUtcNow());
        Assert.NotNull(next);
        Assert.Equal(("v-one", "v-two"), (offer.VendorId, next.VendorId));
        Assert.Null((await surveys.GetAsync()).Qualified.FirstOrDefault());
    }

    /// <summary>Returns a new customer's survey grain with one survey offered now about a new vendor.</summary>
    internal static async Task<(ICustomerSurveyGrain Surveys, SurveyOffer Offer)> OfferedAsync(IGrainFactory grains)
    {
        var vendorId = await TestData.RegisterVendorAsync(grains, "North");
        var surveys = grains.GetGrain<ICustomerSurveyGrain>(TestData.NewId("c"));
        var now = DateTimeOffset.UtcNow;
        await surveys.QualifyAsync(vendorId, SurveyTrigger.InvoicePaid, "N-1", now);
        var offer = await surveys.OfferAsync(now);
        Assert.NotNull(offer);
        return (surveys, offer);
    }
}
