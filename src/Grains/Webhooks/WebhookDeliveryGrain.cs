using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TermSync.Conversations;
using TermSync.Grains.Telemetry;
using TermSync.Webhooks;

namespace TermSync.Grains.Webhooks;

/// <summary>
/// One event on its way to one endpoint. A grain timer wakes it at the exact time of the next automatic attempt,
/// and a reminder, registered while the delivery is pending, wakes it after a deactivation or silo restart. Each
/// wake-up compares the clock with the next attempt time in state, so a repeated or early wake-up sends nothing.
/// </summary>
public sealed partial class WebhookDeliveryGrain(
    [PersistentState("webhook-delivery", StorageNames.Default)] IPersistentState<WebhookDeliveryState> state,
    WebhookSender sender,
    IOptions<WebhookOptions> options,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    TermSyncMetrics metrics,
    ILogger<WebhookDeliveryGrain> logger) : Grain, IWebhookDeliveryGrain, IRemindable
{
    private const string ReminderName = "webhook-delivery";

    /// <summary>How long after the due time the reminder fires, so that the timer normally sends first.</summary>
    private static readonly TimeSpan ReminderSlack = TimeSpan.FromMinutes(1);

    /// <summary>Period of the reminder after its first tick, in case that tick finds the silo down.</summary>
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(10);

    private IGrainTimer? _timer;

    private WebhookDeliveryState State => state.State;

    private WebhookDeliveryRequest Request => State.Request!;

    private string VendorId => VendorScopedKey.Parse(this.GetPrimaryKeyString()).VendorId;

    private string DeliveryId => VendorScopedKey.Parse(this.GetPrimaryKeyString()).LocalId;

    private WebhookRetrySchedule Schedule => new(options.Value);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Status == WebhookDeliveryStatus.Pending && State.NextAttemptAt is { } due)
        {
            ArmTimer(due);
        }

        return Task.CompletedTask;
    }

    public async Task<WebhookDeliverySummary> StartAsync(WebhookDeliveryRequest request)
    {
        if (State.Request is not null)
        {
            return Summary();
        }

        var now = time.GetUtcNow();
        State.Request = request;
        State.Status = WebhookDeliveryStatus.Pending;
        State.NextAttemptAt = now;
        await state.WriteStateAsync();
        await AimReminderAsync(now, now);
        ArmTimer(now);

        LogStarted(VendorId, DeliveryId, request.EndpointId, request.EventId, VendorEventTypes.Name(request.EventType));
        return Summary();
    }

    public Task<WebhookDeliveryDetail?> GetAsync() =>
        Task.FromResult(State.Request is null ? null : new WebhookDeliveryDetail(Summary(), [.. State.Attempts]));

    public async Task<WebhookReplayResult> ReplayAsync()
    {
        if (State.Request is null)
        {
            return new WebhookReplayResult(WebhookReplayStatus.NotFound, null);
        }

        var target = await GrainFactory.GetGrainCached<IVendorWebhooksGrain>(VendorId).GetDeliveryTargetAsync(Request.EndpointId);
        if (target is null)
        {
            return new WebhookReplayResult(WebhookReplayStatus.EndpointRemoved, new WebhookDeliveryDetail(Summary(), [.. State.Attempts]));
        }

        var attempt = await SendAsync(target, WebhookAttemptTrigger.Replay);
        if (attempt.Succeeded)
        {
            await EndAsync(WebhookDeliveryStatus.Succeeded, null);
        }
        else
        {
            State.LastError = Describe(attempt);
            await state.WriteStateAsync();
        }

        LogReplayed(VendorId, DeliveryId, Request.EventId, attempt.Number, attempt.StatusCode, attempt.Error);
        return new WebhookReplayResult(WebhookReplayStatus.Sent, new WebhookDeliveryDetail(Summary(), [.. State.Attempts]));
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == ReminderName ? RunDueAttemptAsync() : Task.CompletedTask;

    /// <summary>Makes the automatic attempt that is due, if any, and schedules the next one or ends the delivery.</summary>
    private async Task RunDueAttemptAsync()
    {
        if (State.Request is null || State.Status != WebhookDeliveryStatus.Pending || State.NextAttemptAt is not { } due)
        {
            await ForgetReminderAsync();
            return;
        }

        var now = time.GetUtcNow();
        if (due > now)
        {
            ArmTimer(due);
            return;
        }

        var target = await GrainFactory.GetGrainCached<IVendorWebhooksGrain>(VendorId).GetDeliveryTargetAsync(Request.EndpointId);
        if (target is null)
        {
            LogEndpointRemoved(VendorId, DeliveryId, Request.EndpointId, Request.EventId);
            await EndAsync(WebhookDeliveryStatus.Failed, "The endpoint was removed, so the delivery stopped.");
            return;
        }

        // Stored before sending: if the silo stops during the request, the next activation retries after the
        // delay a failure would have earned instead of at once.
        var windowStart = State.FirstAutomaticAttemptAt ??= now;
        State.NextAttemptAt = Schedule.NextAttemptAt(windowStart, now, State.FailedAutomaticAttempts + 1) ?? now;
        await state.WriteStateAsync();

        var attempt = await SendAsync(target, WebhookAttemptTrigger.Automatic);
        if (attempt.Succeeded)
        {
            LogSucceeded(VendorId, DeliveryId, Request.EventId, attempt.Number, attempt.StatusCode!.Value);
            await EndAsync(WebhookDeliveryStatus.Succeeded, null);
            return;
        }

        State.FailedAutomaticAttempts++;
        var error = Describe(attempt);
        var after = time.GetUtcNow();
        if (Schedule.NextAttemptAt(windowStart, after, State.FailedAutomaticAttempts) is not { } next)
        {
            LogFailedFinally(VendorId, DeliveryId, Request.EventId, attempt.Number, attempt.StatusCode, error, options.Value.RetryWindow);
            await EndAsync(WebhookDeliveryStatus.Failed, error);
            return;
        }

        State.LastError = error;
        State.NextAttemptAt = next;
        await state.WriteStateAsync();
        await AimReminderAsync(after, next);
        ArmTimer(next);
        LogRetrying(VendorId, DeliveryId, Request.EventId, attempt.Number, attempt.StatusCode, error, next);
    }

    private async Task<WebhookAttempt> SendAsync(WebhookDeliveryTarget target, WebhookAttemptTrigger trigger)
    {
        var attempt = await sender.SendAsync(target, Request.EventId, Request.EventType, Request.Body, State.Attempts.Count + 1, trigger);
        State.Attempts.Add(attempt);
        metrics.RecordWebhookAttempt(trigger, attempt.Succeeded);
        return attempt;
    }

    /// <summary>Ends the automatic attempts; a delivery that succeeded once stays succeeded.</summary>
    private async Task EndAsync(WebhookDeliveryStatus status, string? error)
    {
        if (State.Status != WebhookDeliveryStatus.Succeeded)
        {
            if (State.Status != status)
            {
                metrics.RecordWebhookDeliveryEnded(status);
            }

            State.Status = status;
            State.LastError = error;
        }

        State.NextAttemptAt = null;
        await state.WriteStateAsync();
        _timer?.Dispose();
        _timer = null;
        await ForgetReminderAsync();
    }

    private void ArmTimer(DateTimeOffset due)
    {
        _timer?.Dispose();
        var delay = due - time.GetUtcNow();
        _timer = this.RegisterGrainTimer(RunDueAttemptAsync, new GrainTimerCreationOptions(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Timeout.InfiniteTimeSpan));
    }

    private async Task AimReminderAsync(DateTimeOffset now, DateTimeOffset due)
    {
        var delay = due > now ? due - now : TimeSpan.Zero;
        await this.RegisterOrUpdateReminder(ReminderName, delay + ReminderSlack, ReminderPeriod);
    }

    private async Task ForgetReminderAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private WebhookDeliverySummary Summary() => new(
        DeliveryId,
        Request.EndpointId,
        Request.EventId,
        Request.EventType,
        State.Status,
        State.Attempts.Count,
        Request.CreatedAt,
        State.Attempts.Count > 0 ? State.Attempts[0].At : null,
        State.Attempts.Count > 0 ? State.Attempts[^1].At : null,
        State.NextAttemptAt,
        State.LastError);

    private static string Describe(WebhookAttempt attempt) =>
        attempt.StatusCode is { } code ? $"HTTP {code}" : attempt.Error ?? "no response";

    [LoggerMessage(EventId = 9010, Level = LogLevel.Debug,
        Message = "Started webhook delivery {DeliveryId} of vendor {VendorId}: event {ConversationEventId} ({EventType}) to endpoint {EndpointId}")]
    private partial void LogStarted(string vendorId, string deliveryId, string endpointId, string conversationEventId, string eventType);

    [LoggerMessage(EventId = 9011, Level = LogLevel.Information,
        Message = "Webhook delivery {DeliveryId} of vendor {VendorId} succeeded: event {ConversationEventId}, attempt {AttemptNumber}, HTTP {StatusCode}")]
    private partial void LogSucceeded(string vendorId, string deliveryId, string conversationEventId, int attemptNumber, int statusCode);

    [LoggerMessage(EventId = 9012, Level = LogLevel.Warning,
        Message = "Webhook delivery {DeliveryId} of vendor {VendorId} failed: event {ConversationEventId}, attempt {AttemptNumber}, status {StatusCode}, {Error}; retrying at {NextAttemptAt}")]
    private partial void LogRetrying(string vendorId, string deliveryId, string conversationEventId, int attemptNumber, int? statusCode, string error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = 9013, Level = LogLevel.Error,
        Message = "Webhook delivery {DeliveryId} of vendor {VendorId} failed for good: event {ConversationEventId}, last attempt {AttemptNumber}, status {StatusCode}, {Error}; the retry window of {RetryWindow} has passed")]
    private partial void LogFailedFinally(string vendorId, string deliveryId, string conversationEventId, int attemptNumber, int? statusCode, string error, TimeSpan retryWindow);

    [LoggerMessage(EventId = 9014, Level = LogLevel.Warning,
        Message = "Webhook delivery {DeliveryId} of vendor {VendorId} stopped: event {ConversationEventId}, endpoint {EndpointId} was removed")]
    private partial void LogEndpointRemoved(string vendorId, string deliveryId, string endpointId, string conversationEventId);

    [LoggerMessage(EventId = 9015, Level = LogLevel.Information,
        Message = "Replayed webhook delivery {DeliveryId} of vendor {VendorId}: event {ConversationEventId}, attempt {AttemptNumber}, status {StatusCode}, error {Error}")]
    private partial void LogReplayed(string vendorId, string deliveryId, string conversationEventId, int attemptNumber, int? statusCode, string? error);
}
