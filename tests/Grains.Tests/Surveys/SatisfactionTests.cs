using TermSync.Surveys;
using TermSync.Vendors;

namespace TermSync.Grains.Tests.Surveys;

/// <summary>CSAT of a vendor from stored answers, over windows of vendor-local dates.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SatisfactionTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Csat_counts_four_and_five()
    {
        var vendorId = TestData.NewId("v");
        await fixture.Grains.GetGrain<IVendorGrain>(vendorId).RegisterAsync(new VendorProfile("North", $"ar@{vendorId}.example", "America/New_York"));
        var vendor = fixture.Grains.GetGrain<IVendorSurveysGrain>(vendorId);
        var answers = new (int Score, DateTimeOffset At)[]
        {
            (5, new(2026, 12, 2, 15, 0, 0, TimeSpan.Zero)),
            (4, new(2026, 12, 10, 15, 0, 0, TimeSpan.Zero)),
            (4, new(2026, 12, 15, 15, 0, 0, TimeSpan.Zero)),
            (3, new(2026, 12, 20, 15, 0, 0, TimeSpan.Zero)),
            (1, new(2026, 12, 24, 15, 0, 0, TimeSpan.Zero)),
            (2, new(2026, 12, 30, 15, 0, 0, TimeSpan.Zero)),

            // 31 December, 22:00 in New York: inside a window ending that day, although 1 January in UTC.
            (5, new(2027, 1, 1, 3, 0, 0, TimeSpan.Zero)),

            // 1 December, 23:30 in New York: outside a 30-day window ending 31 December, although 2 December in UTC.
            (5, new(2026, 12, 2, 4, 30, 0, TimeSpan.Zero)),

            // 1 January, 00:30 in New York: after the window.
            (1, new(2027, 1, 1, 5, 30, 0, TimeSpan.Zero)),
        };
        var surveyIds = answers.Select(_ => Guid.NewGuid().ToString("N")).ToList();
        for (var index = 0; index < answers.Length; index++)
        {
            await vendor.RecordAnswerAsync(new VendorSurveyAnswer(surveyIds[index], "c-1", SurveyTrigger.InvoicePaid, $"N-{index}", answers[index].Score, null, answers[index].At));
        }

        // A repeated survey id is ignored, even with another score.
        await vendor.RecordAnswerAsync(new VendorSurveyAnswer(surveyIds[3], "c-1", SurveyTrigger.InvoicePaid, "N-3", 5, null, answers[3].At));

        var december = await vendor.GetSatisfactionAsync(new DateOnly(2026, 12, 31), 30);
        var empty = await vendor.GetSatisfactionAsync(new DateOnly(2026, 11, 30), 30);

        Assert.Equal((7, 4, 57.14m), (december.Answers, december.Satisfied, december.Csat));
        Assert.Equal("America/New_York", december.TimeZone);
        Assert.Equal((0, 0, null), (empty.Answers, empty.Satisfied, empty.Csat));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => vendor.GetSatisfactionAsync(new DateOnly(2026, 12, 31), 0));
    }
}
