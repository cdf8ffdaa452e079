using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TermSync.Conversations;
using TermSync.CreditNotes;
using TermSync.Grains.Invoices;
using TermSync.Grains.Ledger;
using TermSync.Grains.Metrics.Live;
using TermSync.Grains.Telemetry;
using TermSync.Invoices;
using TermSync.Surveys;
using TermSync.Vendors;

namespace TermSync.Grains.Conversations;

/// <summary>
/// A question or dispute. Each command stores the new state, with the events it caused, before it touches invoices or
/// publishes, so the stored state is the record. From it the reminder publishes again every event a consumer has not
/// acknowledged, applies dispute holds a crash left undone, and escalates a due service-level breach exactly once.
/// </summary>
public sealed partial class ConversationGrain(
    [PersistentState("conversation", StorageNames.Default)] IPersistentState<ConversationState> state,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    TermSyncMetrics metrics,
    IReceivablesLedger ledger,
    ILogger<ConversationGrain> logger) : Grain, IConversationGrain, IRemindable
{
    /// <summary>How long an event may wait for its acknowledgements before the conversation publishes it again.</summary>
    public static readonly TimeSpan RedriveAfter = TimeSpan.FromMinutes(1);

    private const string ReminderName = "conversation";

    private static readonly string[] RequiredConsumers = [ConversationStreams.Consumers.Notifications, ConversationStreams.Consumers.Figures];

    private ConversationState State => state.State;

    private (string VendorId, string ConversationId) Key => VendorScopedKey.Parse(this.GetPrimaryKeyString());

    public async Task<ConversationCommandResult> OpenAsync(ConversationDraft draft)
    {
        var (vendorId, conversationId) = Key;
        if (State.Conversation is { } existing)
        {
            if (!IsSameOpening(existing, draft))
            {
                return ConversationCommandResult.Conflict(existing, $"Conversation '{conversationId}' is already open; choose another id or reply to it.");
            }

            // A retried opening appends the "queried" entries again, in case the first attempt stopped before the ledger stored them.
            var named = await Task.WhenAll(existing.Invoices.Select(invoice =>
                GrainFactory.GetGrainCached<IInvoiceGrain>(InvoiceKey.Format(vendorId, invoice.InvoiceNumber)).GetAsync()));
            var openedClock = await VendorClock.LoadAsync(GrainFactory, vendorId);
            await AppendQueriedAsync(named, conversationId, openedClock.LocalDate(existing.OpenedAt));
            return ConversationCommandResult.Unchanged(existing);
        }

        if (ConversationRules.CheckDraft(draft) is { } draftProblem)
        {
            return Reject(null, draftProblem);
        }

        var invoices = await Task.WhenAll(draft.Invoices.Select(invoice =>
            GrainFactory.GetGrainCached<IInvoiceGrain>(InvoiceKey.Format(vendorId, invoice.InvoiceNumber)).GetAsync()));
        if (ConversationRules.CheckInvoices(conversationId, draft, invoices) is { } invoiceProblem)
        {
            return Reject(null, invoiceProblem);
        }

        var now = time.GetUtcNow();
        var openedAt = draft.RaisedAt is { } raised && raised < now ? raised : now;
        var clock = await VendorClock.LoadAsync(GrainFactory, vendorId);
        var customer = invoices[0]!.Customer;
        var message = new ConversationMessage(draft.MessageId, Party.Customer, draft.AuthorName, draft.Text, openedAt, draft.RecordedByStaff);
        var conversation = new ConversationView(
            vendorId,
            conversationId,
            customer.Id,
            invoices[0]!.AccountNumber,
            draft.Kind,
            draft.Kind == ConversationKind.Dispute ? draft.Reason : null,
            draft.Invoices,
            ConversationStatus.Open,
            draft.RecordedByStaff,
            openedAt,
            [message],
            Version: 1,
            SlaDueAt: clock.SlaDueAt(openedAt));

        // Staff who record a question after its reply was already due know it is late, so it is marked breached without an escalation.
        if (draft.RecordedByStaff && conversation.SlaDueAt <= now)
        {
            conversation = conversation with { SlaBreachedAt = now };
        }

        State.Conversation = conversation;
        State.HoldsApplied = draft.Kind != ConversationKind.Dispute;
        var opened = AddEvent(draft.Kind == ConversationKind.Dispute ? VendorEventType.DisputeOpened : VendorEventType.QuestionOpened, now);
        await state.WriteStateAsync();
        LogOpened(vendorId, conversationId, draft.Kind, customer.Id, draft.Invoices.Count);

        await ApplyHoldsAsync(clock);
        await PublishAsync([opened], now);
        await AimReminderAsync(now);

        // The ledger append comes last, so a failed append cannot keep the reminder from redriving holds and events.
        await AppendQueriedAsync(invoices, conversationId, clock.LocalDate(openedAt));
        return ConversationCommandResult.Applied(State.Conversation);
    }

    public async Task<ConversationCommandResult> ReplyAsync(ReplyDraft reply)
    {
        if (State.Conversation is not { } conversation)
        {
            return ConversationCommandResult.NotFound();
        }

        if (conversation.Messages.FirstOrDefault(message => message.MessageId == reply.MessageId) is { } existing)
        {
            return existing.Author == reply.Author && existing.Text == reply.Text
                ? ConversationCommandResult.Unchanged(conversation)
                : ConversationCommandResult.Conflict(conversation,
                    $"Message '{reply.MessageId}' is already in the thread with other content; send a new message id.");
        }

        if (conversation.Status == ConversationStatus.Resolved)
        {
            return ConversationCommandResult.Conflict(conversation,
                $"Conversation '{conversation.ConversationId}' is resolved; open a new question to continue.");
        }

        var now = time.GetUtcNow();
        var message = new ConversationMessage(reply.MessageId, reply.Author, reply.AuthorName, reply.Text, now);
        conversation = conversation with { Messages = [.. conversation.Messages, message], Version = conversation.Version + 1 };
        if (reply.Author == Party.Vendor && conversation.FirstResponseAt is null)
        {
            var clock = await VendorClock.LoadAsync(GrainFactory, conversation.VendorId);
            conversation = conversation with { FirstResponseAt = now, FirstResponseBusinessTime = clock.Elapsed(conversation.OpenedAt, now) };
        }

        State.Conversation = conversation;
        var added = AddEvent(reply.Author == Party.Vendor ? VendorEventType.VendorReplied : VendorEventType.CustomerReplied, now);
        await state.WriteStateAsync();
        LogReplied(conversation.VendorId, conversation.ConversationId, reply.Author);

        await PublishAsync([added], now);
        await AimReminderAsync(now);
        return ConversationCommandResult.Applied(conversation);
    }

    public async Task<ConversationCommandResult> ResolveAsync(ResolutionDraft resolution)
    {
        if (State.Conversation is not { } conversation)
        {
            return ConversationCommandResult.NotFound();
        }

        if (conversation.Status == ConversationStatus.Resolved)
        {
            return conversation.Outcome == resolution.Outcome && conversation.OutcomeReference == resolution.Reference
                ? ConversationCommandResult.Unchanged(conversation)
                : ConversationCommandResult.Conflict(conversation,
                    $"Conversation '{conversation.ConversationId}' was already resolved as {JsonNamingPolicy.CamelCase.ConvertName(conversation.Outcome.ToString()!)}; open a new one to reopen the matter.");
        }

        if (ConversationRules.CheckResolution(conversation, resolution) is { } problem)
        {
            return Reject(conversation, problem);
        }

        if (resolution.Outcome == ResolutionOutcome.CreditIssued && !await CreditsConversationAsync(conversation, resolution.Reference!))
        {
            return ConversationCommandResult.Rejected(conversation, "reference",
                $"Credit note '{resolution.Reference}' does not credit an invoice of this conversation; name a credit note issued against one of its invoices, or issue one first.");
        }

        var now = time.GetUtcNow();
        var clock = await VendorClock.LoadAsync(GrainFactory, conversation.VendorId);
        var messages = conversation.Messages;
        if (!string.IsNullOrWhiteSpace(resolution.Text))
        {
            var messageId = resolution.MessageId ?? $"resolution-{conversation.Version + 1}";
            messages = [.. messages, new ConversationMessage(messageId, resolution.By, resolution.AuthorName, resolution.Text, now)];
        }

        conversation = conversation with
        {
            Status = ConversationStatus.Resolved,
            Messages = messages,
            Outcome = resolution.Outcome,
            OutcomeReference = resolution.Reference,
            ResolvedAt = now,
            ResolutionBusinessTime = clock.Elapsed(conversation.OpenedAt, now),
            Version = conversation.Version + 1,
        };

        // A resolution by the vendor is its reply too; a customer who withdraws leaves the question unanswered.
        if (resolution.By == Party.Vendor && conversation.FirstResponseAt is null)
        {
            conversation = conversation with { FirstResponseAt = now, FirstResponseBusinessTime = clock.Elapsed(conversation.OpenedAt, now) };
        }

        // The survey grain is called first, so a failure leaves the conversation open and a retry qualifies it once.
        if (resolution.Outcome != ResolutionOutcome.Withdrawn)
        {
            await GrainFactory.GetGrainCached<ICustomerSurveyGrain>(conversation.CustomerId)
                .QualifyAsync(conversation.VendorId, SurveyTrigger.ConversationResolved, conversation.ConversationId, now);
        }

        State.Conversation = conversation;
        State.HoldsApplied = false;
        var resolved = AddEvent(VendorEventType.Resolved, now);
        await state.WriteStateAsync();
        LogResolved(conversation.VendorId, conversation.ConversationId, resolution.Outcome);

        await ApplyHoldsAsync(clock);
        await PublishAsync([resolved], now);
        await AimReminderAsync(now);
        return ConversationCommandResult.Applied(conversation);
    }

    public Task<ConversationView?> GetAsync() => Task.FromResult(State.Conversation);

    public async Task AcknowledgeAsync(string eventId, string consumer)
    {
        var index = State.Pending.FindIndex(pending => pending.Event.EventId == eventId);
        if (index < 0 || State.Pending[index].Acknowledged.Contains(consumer))
        {
            return;
        }

        var pending = State.Pending[index];
        var acknowledged = pending.Acknowledged.Append(consumer).ToList();
        if (RequiredConsumers.All(acknowledged.Contains))
        {
            State.Pending.RemoveAt(index);
        }
        else
        {
            State.Pending[index] = pending with { Acknowledged = acknowledged };
        }

        await state.WriteStateAsync();
        if (State.Pending.Count == 0)
        {
            await AimReminderAsync(time.GetUtcNow());
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == ReminderName ? WakeAsync() : Task.CompletedTask;

    public async Task WakeAsync()
    {
        var now = time.GetUtcNow();
        if (State.Conversation is not { } conversation)
        {
            await AimReminderAsync(now);
            return;
        }

        var published = new List<ConversationEvent>();
        if (conversation is { Status: ConversationStatus.Open, FirstResponseAt: null, SlaBreachedAt: null, SlaDueAt: { } due } && due <= now)
        {
            State.Conversation = conversation with { SlaBreachedAt = now, Version = conversation.Version + 1 };
            published.Add(AddEvent(VendorEventType.SlaBreached, now));
            await state.WriteStateAsync();
            LogSlaBreached(conversation.VendorId, conversation.ConversationId, due);
        }

        if (!State.HoldsApplied)
        {
            await ApplyHoldsAsync(await VendorClock.LoadAsync(GrainFactory, conversation.VendorId));
        }

        published.AddRange(State.Pending
            .Where(pending => pending.PublishedAt + RedriveAfter <= now && !published.Contains(pending.Event))
            .Select(pending => pending.Event));
        await PublishAsync(published, now);
        await AimReminderAsync(now);
    }

    /// <summary>
    /// Whether the draft repeats the stored opening. A draft that names another customer never does, so a caller
    /// cannot read another customer's conversation by repeating its opening.
    /// </summary>
    private static bool IsSameOpening(ConversationView existing, ConversationDraft draft) =>
        existing.Kind == draft.Kind
        && (draft.CustomerId is null || draft.CustomerId == existing.CustomerId)
        && existing.Messages[0].MessageId == draft.MessageId
        && existing.Messages[0].Text == draft.Text
        && existing.Invoices.SequenceEqual(draft.Invoices);

    private ConversationEvent AddEvent(VendorEventType type, DateTimeOffset now)
    {
        var added = new ConversationEvent(Guid.CreateVersion7(now).ToString("N"), type, now, State.Conversation!);
        State.Pending.Add(new PendingConversationEvent(added, now, []));
        metrics.RecordConversationEvent(type);
        return added;
    }

    /// <summary>
    /// Publishes the events on the vendor's stream and stores when. A failed publication is logged and left to the
    /// reminder, because the stored state already lists the event.
    /// </summary>
    private async Task PublishAsync(IReadOnlyList<ConversationEvent> events, DateTimeOffset now)
    {
        if (events.Count == 0)
        {
            return;
        }

        var stream = this.GetStreamProvider(ConversationStreams.Provider)
            .GetStream<ConversationEvent>(StreamId.Create(ConversationStreams.Namespace, Key.VendorId));
        foreach (var published in events)
        {
            try
            {
                await stream.OnNextAsync(published);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                LogPublishFailed(error, Key.VendorId, Key.ConversationId, published.EventId);
                continue;
            }

            var index = State.Pending.FindIndex(pending => pending.Event.EventId == published.EventId);
            if (index >= 0)
            {
                State.Pending[index] = State.Pending[index] with { PublishedAt = now };
            }
        }

        await state.WriteStateAsync();
    }

    /// <summary>
    /// Holds the disputed invoices while the dispute is open and releases them once it is resolved. Each invoice call
    /// is idempotent, so a repeat after a crash changes nothing.
    /// </summary>
    private async Task ApplyHoldsAsync(VendorClock clock)
    {
        var conversation = State.Conversation!;
        if (conversation.Kind != ConversationKind.Dispute)
        {
            return;
        }

        var open = conversation.Status == ConversationStatus.Open;
        var date = clock.LocalDate(open ? conversation.OpenedAt : conversation.ResolvedAt!.Value);
        var reason = conversation.Reason?.ToString() ?? nameof(DisputeReason.Other);
        foreach (var invoice in conversation.Invoices)
        {
            var grain = GrainFactory.GetGrainCached<IInvoiceGrain>(InvoiceKey.Format(conversation.VendorId, invoice.InvoiceNumber));
            var result = open
                ? await grain.OpenDisputeAsync(conversation.ConversationId, date, reason, invoice.DisputedAmount)
                : await grain.ResolveDisputeAsync(conversation.ConversationId, date);
            if (!result.Succeeded)
            {
                // NOTE: another dispute took the invoice between the check and the hold; this one then holds nothing on it.
                LogHoldRejected(conversation.VendorId, conversation.ConversationId, invoice.InvoiceNumber, result.Error);
            }
        }

        State.HoldsApplied = true;
        await state.WriteStateAsync();
    }

    private async Task<bool> CreditsConversationAsync(ConversationView conversation, string creditNoteNumber)
    {
        var creditNote = await GrainFactory
            .GetGrainCached<ICreditNoteGrain>(VendorScopedKey.Format(conversation.VendorId, creditNoteNumber))
            .GetAsync();
        return creditNote is not null && conversation.Invoices.Any(invoice => invoice.InvoiceNumber == creditNote.InvoiceNumber);
    }

    /// <summary>
    /// Aims the reminder at the earliest of: the next republication of an unacknowledged event, the service-level due
    /// time, and a retry of holds left undone. Without any, the reminder is removed.
    /// </summary>
    private async Task AimReminderAsync(DateTimeOffset now)
    {
        var targets = new List<DateTimeOffset>();
        if (State.Pending.Count > 0)
        {
            targets.Add(State.Pending.Min(pending => pending.PublishedAt) + RedriveAfter);
        }

        if (State.Conversation is { Status: ConversationStatus.Open, FirstResponseAt: null, SlaBreachedAt: null, SlaDueAt: { } due })
        {
            targets.Add(due);
        }

        if (State.Conversation is not null && !State.HoldsApplied)
        {
            targets.Add(now + RedriveAfter);
        }

        DateTimeOffset? target = targets.Count == 0 ? null : targets.Min();
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
            var dueTime = target.Value > now ? target.Value - now : TimeSpan.Zero;
            await this.RegisterOrUpdateReminder(ReminderName, dueTime, RedriveAfter);
        }

        State.ReminderTarget = target;
        await state.WriteStateAsync();
    }

    private ConversationCommandResult Reject(ConversationView? conversation, (string Field, string Error) problem)
    {
        LogRejected(Key.VendorId, Key.ConversationId, problem.Field, problem.Error);
        return ConversationCommandResult.Rejected(conversation, problem.Field, problem.Error);
    }

    /// <summary>
    /// Appends a "queried" ledger entry dated <paramref name="openedOn"/> for each invoice the conversation names, and
    /// records the question in the vendor's live figures.
    /// </summary>
    private Task AppendQueriedAsync(IEnumerable<InvoiceSnapshot?> invoices, string conversationId, DateOnly openedOn)
    {
        var named = invoices.OfType<InvoiceSnapshot>().ToList();
        return Task.WhenAll(
            ledger.AppendAsync([.. named.Select(invoice => InvoiceLedgerEntries.Queried(invoice, conversationId, openedOn))]),
            GrainFactory.GetGrainCached<IVendorReceivablesGrain>(Key.VendorId).RecordQueriedAsync([.. named.Select(invoice => invoice.InvoiceNumber)], openedOn));
    }

    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Conversation {VendorId}/{ConversationId} opened: {Kind} from customer {CustomerId} about {InvoiceCount} invoices")]
    private partial void LogOpened(string vendorId, string conversationId, ConversationKind kind, string customerId, int invoiceCount);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Conversation {VendorId}/{ConversationId}: the {Author} replied")]
    private partial void LogReplied(string vendorId, string conversationId, Party author);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Conversation {VendorId}/{ConversationId} resolved: {Outcome}")]
    private partial void LogResolved(string vendorId, string conversationId, ResolutionOutcome outcome);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Conversation {VendorId}/{ConversationId} breached its first-response service level, due at {DueAt}")]
    private partial void LogSlaBreached(string vendorId, string conversationId, DateTimeOffset dueAt);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Publishing event {EventId} of conversation {VendorId}/{ConversationId} failed; the reminder publishes it again")]
    private partial void LogPublishFailed(Exception error, string vendorId, string conversationId, string eventId);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Invoice {InvoiceNumber} rejected the dispute hold of conversation {VendorId}/{ConversationId}: {Error}")]
    private partial void LogHoldRejected(string vendorId, string conversationId, string invoiceNumber, string? error);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Information, Message = "Conversation {VendorId}/{ConversationId}: command rejected on {Field}: {Error}")]
    private partial void LogRejected(string vendorId, string conversationId, string field, string error);
}
