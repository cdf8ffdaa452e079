using Microsoft.Extensions.Logging;
using TermSync.Surveys;
using TermSync.Vendors;

namespace TermSync.Grains.Surveys;

public sealed partial class VendorSurveysGrain(
    [PersistentState("vendor-surveys", StorageNames.Default)] IPersistentState<VendorSurveysState> state,
    ILogger<VendorSurveysGrain> logger) : Grain, IVendorSurveysGrain
{
    /// <summary>
    /// Maximum answers kept. Beyond it the earliest arrivals are dropped first.
    /// NOTE: a window that reaches back before the oldest kept answer counts fewer answers than were given.
    /// </summary>
    public const int MaxAnswers = 20_000;

    private string VendorId => this.GetPrimaryKeyString();

    public async Task RecordAnswerAsync(VendorSurveyAnswer answer)
    {
        if (state.State.Answers.Exists(stored => stored.SurveyId == answer.SurveyId))
        {
            return;
        }

        state.State.Answers.Add(answer);
        var excess = state.State.Answers.Count - MaxAnswers;
        if (excess > 0)
        {
            state.State.Answers.RemoveRange(0, excess);
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // A failed write leaves the change in memory only; the next activation reloads the stored state.
            DeactivateOnIdle();
            throw;
        }

        LogAnswerRecorded(VendorId, answer.SurveyId, answer.CustomerId, answer.Score);
    }

    public async Task<VendorSatisfaction> GetSatisfactionAsync(DateOnly asOf, int windowDays)
    {
        if (windowDays is < 1 or > IVendorSurveysGrain.MaxWindowDays)
        {
            throw new ArgumentOutOfRangeException(nameof(windowDays), windowDays, $"The window must be 1 to {IVendorSurveysGrain.MaxWindowDays} days.");
        }

        var profile = await GrainFactory.GetGrainCached<IVendorGrain>(VendorId).GetProfileAsync();
        var zone = ResolveZone(profile?.TimeZone);
        var first = asOf.AddDays(1 - windowDays);
        var inWindow = state.State.Answers
            .Select(answer => (answer.Score, Date: DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(answer.AnsweredAt, zone).DateTime)))
            .Where(answer => answer.Date >= first && answer.Date <= asOf)
            .ToList();
        var satisfied = inWindow.Count(answer => answer.Score >= SurveyRules.SatisfiedScore);
        decimal? csat = inWindow.Count == 0 ? null : Math.Round(satisfied * 100m / inWindow.Count, 2, MidpointRounding.AwayFromZero);
        return new VendorSatisfaction(VendorId, asOf, windowDays, zone.Id, inWindow.Count, satisfied, csat);
    }

    private static TimeZoneInfo ResolveZone(string? timeZone) =>
        !string.IsNullOrWhiteSpace(timeZone) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    [LoggerMessage(EventId = 7510, Level = LogLevel.Debug, Message = "Survey {SurveyId} answer of customer {CustomerId} recorded for vendor {VendorId}, score {Score}")]
    private partial void LogAnswerRecorded(string vendorId, string surveyId, string customerId, int score);
}
