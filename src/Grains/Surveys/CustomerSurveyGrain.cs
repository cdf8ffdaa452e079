using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TermSync.Surveys;

namespace TermSync.Grains.Surveys;

public sealed partial class CustomerSurveyGrain(
    [PersistentState("surveys", StorageNames.Default)] IPersistentState<CustomerSurveyState> state,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    ILogger<CustomerSurveyGrain> logger) : Grain, ICustomerSurveyGrain
{
    private string CustomerId => this.GetPrimaryKeyString();

    private CustomerSurveyState State => state.State;

    public async Task QualifyAsync(string vendorId, SurveyTrigger trigger, string reference, DateTimeOffset at)
    {
        var now = time.GetUtcNow();
        var known = State.Qualifications.Exists(entry =>
            entry.Qualification.VendorId == vendorId && entry.Qualification.Trigger == trigger && entry.Qualification.Reference == reference);
        if (known || SurveyPlanner.HasLapsed(at, now))
        {
            return;
        }

        State.Qualifications.Add(new QualificationEntry(new SurveyQualification(vendorId, trigger, reference, at), null));
        State.Prune(now);
        await SaveAsync();
        LogQualified(CustomerId, vendorId, trigger, reference);
    }

    public async Task<SurveyOffer?> OfferAsync(DateTimeOffset now)
    {
        if (State.Pending(now) is { } pending)
        {
            return pending;
        }

        if (State.NextOfferFrom() is { } next && now < next)
        {
            return null;
        }

        if (State.Pick(now) is not { } chosen)
        {
            return null;
        }

        var offer = new SurveyOffer(Guid.NewGuid().ToString("N"), chosen.VendorId, chosen.Trigger, chosen.Reference, now);
        State.Surveys.Add(new SurveyEntry(offer, null));
        State.LastSurveyedAt[offer.VendorId] = now;

        // Every waiting qualification of the chosen vendor led to this survey, so none of them brings another.
        for (var index = 0; index < State.Qualifications.Count; index++)
        {
            if (State.Qualifications[index] is { SurveyId: null } entry && entry.Qualification.VendorId == offer.VendorId)
            {
                State.Qualifications[index] = entry with { SurveyId = offer.SurveyId };
            }
        }

        State.Prune(now);
        await SaveAsync();
        LogOffered(CustomerId, offer.SurveyId, offer.VendorId, offer.Trigger, offer.Reference);
        return offer;
    }

    public async Task<SurveyAnswerResult> AnswerAsync(string surveyId, int score, string? comment)
    {
        if (!SurveyRules.IsScore(score))
        {
            return Reject(surveyId, SurveyAnswerStatus.Invalid, null, "score",
                $"The score {score} is out of range; send a whole number from {SurveyRules.MinScore} (very dissatisfied) to {SurveyRules.MaxScore} (very satisfied).");
        }

        if (SurveyRules.CheckComment(comment) is { } commentError)
        {
            return Reject(surveyId, SurveyAnswerStatus.Invalid, null, "comment", commentError);
        }

        var index = State.Surveys.FindIndex(entry => entry.Offer.SurveyId == surveyId);
        if (index < 0)
        {
            return Reject(surveyId, SurveyAnswerStatus.NotFound, null, null,
                $"Customer '{CustomerId}' was never offered survey '{surveyId}'; read the pending survey with GET /customers/{CustomerId}/surveys.");
        }

        var entry = State.Surveys[index];
        var normalized = SurveyRules.NormalizeComment(comment);
        if (entry.Answer is { } earlier)
        {
            if (earlier.Score != score || earlier.Comment != normalized)
            {
                return Reject(surveyId, SurveyAnswerStatus.Conflict, entry, null,
                    $"Survey '{surveyId}' was answered with score {earlier.Score} at {Format(earlier.AnsweredAt)}; a survey takes one answer, so the new one was not stored.");
            }

            // A retry of the stored answer passes it on again, in case the vendor's grain missed it the first time.
            await RecordForVendorAsync(entry.Offer, earlier);
            return new SurveyAnswerResult(SurveyAnswerStatus.Unchanged, new AnsweredSurvey(entry.Offer, earlier));
        }

        var now = time.GetUtcNow();
        if (now >= entry.Offer.ClosesAt)
        {
            return Reject(surveyId, SurveyAnswerStatus.Conflict, null, null,
                $"Survey '{surveyId}' closed unanswered at {Format(entry.Offer.ClosesAt)}, {SurveyRules.OfferInterval.TotalDays:0} days after it was offered; it takes no answers now.");
        }

        var answer = new SurveyAnswer(score, normalized, now);
        State.Surveys[index] = entry with { Answer = answer };
        await SaveAsync();
        await RecordForVendorAsync(entry.Offer, answer);
        LogAnswered(CustomerId, surveyId, entry.Offer.VendorId, score);
        return new SurveyAnswerResult(SurveyAnswerStatus.Recorded, new AnsweredSurvey(entry.Offer, answer));
    }

    public Task<CustomerSurveys> GetAsync()
    {
        var now = time.GetUtcNow();
        var answers = State.Surveys
            .Where(entry => entry.Answer is not null)
            .Select(entry => new AnsweredSurvey(entry.Offer, entry.Answer!))
            .Reverse()
            .ToList();
        return Task.FromResult(new CustomerSurveys(CustomerId, State.Pending(now), State.NextOfferFrom(), [.. State.Waiting(now)], answers));
    }

    private Task RecordForVendorAsync(SurveyOffer offer, SurveyAnswer answer) =>
        GrainFactory.GetGrainCached<IVendorSurveysGrain>(offer.VendorId).RecordAnswerAsync(
            new VendorSurveyAnswer(offer.SurveyId, CustomerId, offer.Trigger, offer.Reference, answer.Score, answer.Comment, answer.AnsweredAt));

    private SurveyAnswerResult Reject(string surveyId, SurveyAnswerStatus status, SurveyEntry? entry, string? field, string error)
    {
        LogAnswerRejected(CustomerId, surveyId, status, error);
        var survey = entry is { Answer: { } answer } ? new AnsweredSurvey(entry.Offer, answer) : null;
        return new SurveyAnswerResult(status, survey, error, field);
    }

    private async Task SaveAsync()
    {
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
    }

    private static string Format(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 7500, Level = LogLevel.Debug, Message = "Vendor {VendorId} qualified to survey customer {CustomerId} by {Trigger} {Reference}")]
    private partial void LogQualified(string customerId, string vendorId, SurveyTrigger trigger, string reference);

    [LoggerMessage(EventId = 7501, Level = LogLevel.Information, Message = "Survey {SurveyId} about vendor {VendorId} offered to customer {CustomerId} after {Trigger} {Reference}")]
    private partial void LogOffered(string customerId, string surveyId, string vendorId, SurveyTrigger trigger, string reference);

    [LoggerMessage(EventId = 7502, Level = LogLevel.Information, Message = "Survey {SurveyId} about vendor {VendorId} answered by customer {CustomerId} with score {Score}")]
    private partial void LogAnswered(string customerId, string surveyId, string vendorId, int score);

    [LoggerMessage(EventId = 7503, Level = LogLevel.Warning, Message = "Answer to survey {SurveyId} of customer {CustomerId} rejected ({Status}): {Error}")]
    private partial void LogAnswerRejected(string customerId, string surveyId, SurveyAnswerStatus status, string error);
}
