using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TermSync.Customers;
using TermSync.Digests;
using TermSync.Grains.Telemetry;

namespace TermSync.Grains.Digests;

/// <summary>
/// A customer's digest grain. The reminder only wakes it: each wake-up compares the clock with the next slot and
/// the next trigger check kept in state, so a late wake-up sends the owed digest once and a repeated one sends
/// nothing. A digest is recorded as pending before it is handed to delivery, so a crash in between makes the
/// next activation send it again under the same message id instead of losing it.
/// </summary>
public sealed partial class DigestGrain(
    [PersistentState("digest", StorageNames.Default)] IPersistentState<DigestState> state,
    IDigestDelivery delivery,
    DigestRenderer renderer,
    IOptions<DigestOptions> options,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    TermSyncMetrics metrics,
    ILogger<DigestGrain> logger) : Grain, IDigestGrain, IRemindable
{
    private const string ReminderName = "digest";

    private string CustomerId => this.GetPrimaryKeyString();

    private DigestState State => state.State;

    private DigestCalendar Calendar => new(State.Preferences, DigestCalendar.ResolveZone(State.Preferences, State.CustomerTimeZone));

    public async Task EnsureScheduledAsync(string? customerTimeZone)
    {
        if (State.EnrolledOn is not null)
        {
            return;
        }

        var now = time.GetUtcNow();
        State.CustomerTimeZone = customerTimeZone;
        State.EnrolledOn = Calendar.LocalDate(now);
        Reschedule(now);
        await AimReminderAsync(now);
        await state.WriteStateAsync();
        LogScheduled(CustomerId, State.NextDueAt);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == ReminderName ? WakeAsync() : Task.CompletedTask;

    public async Task<DigestRunResult> WakeAsync()
    {
        var now = time.GetUtcNow();
        var unfinished = State.History.FindLast(record => record.Delivery == DeliveryStatus.Pending);
        var slotDue = State.NextDueAt <= now;
        var checkDue = State.NextCheckAt <= now;
        if (State.Preferences.Frequency == DigestFrequency.Unsubscribed)
        {
            return new DigestRunResult(DigestRunStatus.Unsubscribed, null);
        }

        if (State.EnrolledOn is null || (unfinished is null && !slotDue && !checkDue))
        {
            return new DigestRunResult(DigestRunStatus.NotDue, null);
        }

        var statement = await GrainFactory.GetGrainCached<ICustomerGrain>(CustomerId).GetStatementAsync(Calendar.LocalDate(now));
        RefreshTimeZone(statement.TimeZone);
        var today = Calendar.LocalDate(now);
        slotDue = State.NextDueAt <= now;
        if (unfinished is null && !slotDue && State.NextCheckAt > now)
        {
            await AimReminderAsync(now);
            await state.WriteStateAsync();
            return new DigestRunResult(DigestRunStatus.NotDue, null);
        }

        DigestRunResult result;
        if (unfinished is not null)
        {
            result = await SendAsync(statement, unfinished.Key, unfinished.Reason, unfinished.RequestedBy, unfinished.AsOf, unfinished.LocalDate, now);
        }
        else if (slotDue)
        {
            // One digest for the current period covers every slot missed while the cluster was down.
            result = await SendAsync(statement, DigestCalendar.Key(Calendar.PeriodStart(today)), DigestReason.Schedule, null, today, today, now);
            if (!IsPassingFailure(result))
            {
                // A slot over budget moves to the next day's send time; its period ends at the next slot anyway.
                State.NextDueAt = result.Status == DigestRunStatus.BudgetExhausted ? Calendar.NextCheck(now) : Calendar.NextSlot(now);
                State.NextCheckAt = Calendar.NextCheck(now);
            }
        }
        else
        {
            var baseline = State.History.LastContactDate() is { } contacted && contacted > State.EnrolledOn!.Value ? contacted : State.EnrolledOn!.Value;
            var trigger = await new DigestComposer(GrainFactory).FindTriggerAsync(statement, State.Preferences, baseline, today);
            result = trigger is { } reason
                ? await SendAsync(statement, TriggerKey(today, reason), reason, null, today, today, now)
                : new DigestRunResult(DigestRunStatus.NothingActionable, null);
            if (!IsPassingFailure(result))
            {
                State.NextCheckAt = Calendar.NextCheck(now);
            }
        }

        await AimReminderAsync(now);
        await state.WriteStateAsync();
        LogWakeUp(CustomerId, result.Status, State.NextDueAt);
        return result;
    }

    public async Task<DigestRunResult> RunAsync(DateOnly? asOf, DigestReason reason, string? requestedBy)
    {
        if (State.Preferences.Frequency == DigestFrequency.Unsubscribed)
        {
            return new DigestRunResult(DigestRunStatus.Unsubscribed, null);
        }

        var now = time.GetUtcNow();
        var statement = await GrainFactory.GetGrainCached<ICustomerGrain>(CustomerId).GetStatementAsync(asOf ?? Calendar.LocalDate(now));
        RefreshTimeZone(statement.TimeZone);
        var businessDate = asOf ?? Calendar.LocalDate(now);

        // A cycle runs as if its business date were today, so that replayed history keeps its own budget.
        var contactDate = reason == DigestReason.Cycle && asOf is not null ? asOf.Value : Calendar.LocalDate(now);
        var key = DigestCalendar.Key(Calendar.PeriodStart(businessDate));
        var result = await SendAsync(statement, key, reason, requestedBy, businessDate, contactDate, now);
        await AimReminderAsync(now);
        await state.WriteStateAsync();
        return result;
    }

    public async Task<DigestPreview> PreviewAsync(DateOnly asOf)
    {
        var statement = await GrainFactory.GetGrainCached<ICustomerGrain>(CustomerId).GetStatementAsync(asOf);
        var key = DigestCalendar.Key(Calendar.PeriodStart(asOf));
        var composer = new DigestComposer(GrainFactory);
        var content = await composer.ComposeAsync(statement, DigestId(key), key, Calendar.Zone.Id, asOf, DigestReason.Cycle);
        content = content with { Survey = await composer.PendingSurveyAsync(CustomerId) };
        var message = renderer.Render(content);
        return new DigestPreview(key, [.. content.Lines], message.Subject, message.Html, message.Text);
    }

    public Task<IReadOnlyList<DigestRecord>> GetHistoryAsync() =>
        Task.FromResult<IReadOnlyList<DigestRecord>>([.. State.History]);

    public Task<DigestScheduleView> GetScheduleAsync() => Task.FromResult(View());

    public async Task<DigestScheduleView> SetPreferencesAsync(DigestPreferences preferences)
    {
        if (preferences == State.Preferences)
        {
            return View();
        }

        var now = time.GetUtcNow();
        State.Preferences = preferences;
        if (preferences.Frequency == DigestFrequency.Unsubscribed)
        {
            WithdrawUnfinished();
        }

        Reschedule(now);
        await AimReminderAsync(now);
        await state.WriteStateAsync();
        LogPreferencesChanged(CustomerId, preferences.Frequency, State.NextDueAt);
        return View();
    }

    public async Task UnsubscribeAsync()
    {
        if (State.Preferences.Frequency != DigestFrequency.Unsubscribed)
        {
            await SetPreferencesAsync(State.Preferences with { Frequency = DigestFrequency.Unsubscribed });
        }
    }

    private async Task<DigestRunResult> SendAsync(
        CustomerStatement statement,
        string key,
        DigestReason reason,
        string? requestedBy,
        DateOnly asOf,
        DateOnly contactDate,
        DateTimeOffset now)
    {
        var existing = State.History.Find(record => record.Key == key);
        switch (existing?.Delivery)
        {
            case DeliveryStatus.Delivered:
                return new DigestRunResult(DigestRunStatus.AlreadySent, existing);
            case DeliveryStatus.Rejected or DeliveryStatus.Withdrawn:
                return new DigestRunResult(DigestRunStatus.DeliveryFailed, existing);
            case null when !State.History.WithinBudget(contactDate, options.Value.MaxPerDay, options.Value.MaxPerWeek):
                return new DigestRunResult(DigestRunStatus.BudgetExhausted, null);
        }

        var composer = new DigestComposer(GrainFactory);
        var content = await composer.ComposeAsync(statement, DigestId(key), key, Calendar.Zone.Id, asOf, reason);
        if (content.Owed.Count == 0)
        {
            if (existing is null)
            {
                return new DigestRunResult(DigestRunStatus.NothingActionable, null);
            }

            var withdrawn = Store(existing with { Delivery = DeliveryStatus.Withdrawn, DeliveryDetail = "Nothing was actionable when the delivery was retried." });
            return new DigestRunResult(DigestRunStatus.DeliveryFailed, withdrawn);
        }

        // The survey rides only on a digest that is sent for its invoices, never on its own.
        content = content with { Survey = await OfferSurveyAsync(composer, now) };

        // The pending record is stored before the message leaves, so a crash leads to a resend, not a loss.
        var pending = Store(new DigestRecord(
            content.DigestId,
            key,
            DigestCalendar.Key(Calendar.PeriodStart(asOf)),
            reason,
            requestedBy,
            asOf,
            contactDate,
            existing?.CreatedAt ?? now,
            [.. content.Lines],
            DeliveryStatus.Pending,
            existing?.Attempts ?? 0,
            existing?.DeliveryDetail,
            existing?.Location,
            null,
            content.Survey?.SurveyId));
        await state.WriteStateAsync();

        var outcome = await delivery.DeliverAsync(renderer.Render(content), CancellationToken.None);
        metrics.RecordDigestDelivery(outcome.Status);
        var delivered = outcome.Status == DeliveryStatus.Delivered;
        var record = Store(pending with
        {
            Delivery = outcome.Status,
            Attempts = pending.Attempts + outcome.Attempts,
            DeliveryDetail = outcome.Detail,
            Location = outcome.Location ?? pending.Location,
            DeliveredAt = delivered ? time.GetUtcNow() : null,
        });

        if (delivered)
        {
            LogDigestSent(CustomerId, record.DigestId, reason, record.VendorCount, record.InvoiceCount);
            return new DigestRunResult(DigestRunStatus.Sent, record);
        }

        LogDeliveryFailed(CustomerId, record.DigestId, outcome.Status, record.Attempts, outcome.Detail);
        return new DigestRunResult(DigestRunStatus.DeliveryFailed, record);
    }

    /// <summary>
    /// Returns the survey to show in a digest about to be sent. A failure of the survey grains is logged and the digest
    /// goes out without a survey, because the invoices matter more than the survey.
    /// </summary>
    private async Task<DigestSurvey?> OfferSurveyAsync(DigestComposer composer, DateTimeOffset now)
    {
        try
        {
            return await composer.OfferSurveyAsync(CustomerId, now);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogSurveyFailed(exception, CustomerId);
            return null;
        }
    }

    /// <summary>Marks digests still pending or failed as withdrawn, so that a later resubscription does not send them.</summary>
    private void WithdrawUnfinished()
    {
        foreach (var record in State.History.Where(record => record.Delivery is DeliveryStatus.Pending or DeliveryStatus.Failed).ToList())
        {
            Store(record with { Delivery = DeliveryStatus.Withdrawn, DeliveryDetail = "The customer unsubscribed before the delivery was retried." });
        }
    }

    private DigestRecord Store(DigestRecord record) => State.History.Upsert(record, options.Value.HistoryLimit);

    /// <summary>Moves the next slot and trigger check to match the preferences, or clears them when unsubscribed.</summary>
    private void Reschedule(DateTimeOffset now)
    {
        var subscribed = State.EnrolledOn is not null && State.Preferences.Frequency != DigestFrequency.Unsubscribed;
        State.NextDueAt = subscribed ? Calendar.NextSlot(now) : null;
        State.NextCheckAt = subscribed ? Calendar.NextCheck(now) : null;
    }

    /// <summary>
    /// Takes the customer's time zone from its newest invoice. The next slot and check keep their local dates and
    /// times, moved to the new zone, so a slot due at 08:00 in the old zone is not sent at another local hour.
    /// </summary>
    private void RefreshTimeZone(string? customerTimeZone)
    {
        if (customerTimeZone == State.CustomerTimeZone)
        {
            return;
        }

        var before = Calendar;
        State.CustomerTimeZone = customerTimeZone;
        var after = Calendar;
        State.NextDueAt = State.NextDueAt is { } due ? after.InstantOf(before.LocalDate(due)) : null;
        State.NextCheckAt = State.NextCheckAt is { } check ? after.InstantOf(before.LocalDate(check)) : null;
    }

    /// <summary>
    /// Aims the reminder at the next slot or trigger check. A target already in the past (a retry) falls to the
    /// reminder's period; an unchanged target is not registered again.
    /// </summary>
    private async Task AimReminderAsync(DateTimeOffset now)
    {
        DateTimeOffset? target = State.NextDueAt is { } due && State.NextCheckAt is { } check
            ? (due < check ? due : check)
            : State.NextDueAt ?? State.NextCheckAt;
        if (target == State.ReminderTarget)
        {
            return;
        }

        if (target is null)
        {
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        else
        {
            var period = options.Value.TickPeriod;
            var dueTime = target.Value > now ? target.Value - now : period;
            await this.RegisterOrUpdateReminder(ReminderName, dueTime, period);
        }

        State.ReminderTarget = target;
    }

    private DigestScheduleView View() => new(
        State.Preferences,
        Calendar.Zone.Id,
        State.NextDueAt,
        State.History.FindLast(record => record.Delivery == DeliveryStatus.Delivered));

    private string DigestId(string key) => $"{CustomerId}:{key}";

    private static string TriggerKey(DateOnly today, DigestReason reason) =>
        $"{DigestCalendar.Key(today)}-{(reason == DigestReason.PastDue ? "past-due" : "due-soon")}";

    /// <summary>Returns whether delivery failed for a reason that may pass, so the next reminder tick retries it.</summary>
    private static bool IsPassingFailure(DigestRunResult result) =>
        result is { Status: DigestRunStatus.DeliveryFailed, Digest.Delivery: DeliveryStatus.Failed };

    [LoggerMessage(EventId = 4000, Level = LogLevel.Debug, Message = "Digest of customer {CustomerId} scheduled, first slot {NextDueAt}")]
    private partial void LogScheduled(string customerId, DateTimeOffset? nextDueAt);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Digest {DigestId} sent to customer {CustomerId} for {Reason}: {VendorCount} vendors, {InvoiceCount} invoices")]
    private partial void LogDigestSent(string customerId, string digestId, DigestReason reason, int vendorCount, int invoiceCount);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "Digest wake-up of customer {CustomerId} ended {Status}; next slot {NextDueAt}")]
    private partial void LogWakeUp(string customerId, DigestRunStatus status, DateTimeOffset? nextDueAt);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Digest {DigestId} to customer {CustomerId} not delivered ({Status}) after {Attempts} attempts: {Detail}")]
    private partial void LogDeliveryFailed(string customerId, string digestId, DeliveryStatus status, int attempts, string? detail);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Digest of customer {CustomerId} goes without a survey, because the survey could not be offered")]
    private partial void LogSurveyFailed(Exception exception, string customerId);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Digest preferences of customer {CustomerId} set to {Frequency}; next slot {NextDueAt}")]
    private partial void LogPreferencesChanged(string customerId, DigestFrequency frequency, DateTimeOffset? nextDueAt);
}
