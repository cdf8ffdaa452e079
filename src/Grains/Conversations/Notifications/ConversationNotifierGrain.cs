using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;
using TermSync.Accounts;
using TermSync.Conversations;
using TermSync.Digests;
using TermSync.Grains.Digests;
using TermSync.Grains.Digests.Links;
using TermSync.Vendors;
using TermSync.Webhooks;

namespace TermSync.Grains.Conversations.Notifications;

/// <summary>
/// Consumes a vendor's conversation stream through an implicit subscription. Each event id is handled once: a repeat,
/// which the conversation publishes when an acknowledgement is missing, is only acknowledged again.
/// </summary>
[ImplicitStreamSubscription(ConversationStreams.Namespace)]
public sealed partial class ConversationNotifierGrain(
    [PersistentState("notifier", StorageNames.Default)] IPersistentState<NotifierState> state,
    IDigestDelivery delivery,
    DigestLinkSigner signer,
    ILogger<ConversationNotifierGrain> logger)
    : Grain, IConversationNotifierGrain, IStreamSubscriptionObserver, IAsyncObserver<ConversationEvent>
{
    private HashSet<string>? handled;

    private string VendorId => this.GetPrimaryKeyString();

    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        handleFactory.Create<ConversationEvent>().ResumeAsync(this);

    public Task OnNextAsync(ConversationEvent item, StreamSequenceToken? token = null) => NotifyAsync(item);

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        LogStreamError(ex, VendorId);
        return Task.CompletedTask;
    }

    public async Task NotifyAsync(ConversationEvent conversationEvent)
    {
        var conversation = conversationEvent.Conversation;
        handled ??= new HashSet<string>(state.State.Handled, StringComparer.Ordinal);
        if (!handled.Contains(conversationEvent.EventId))
        {
            if (VendorEventTypes.Subscribable.Contains(conversationEvent.Type))
            {
                await NotifyVendorAsync(conversationEvent);
            }
            else
            {
                await NotifyCustomerAsync(conversationEvent);
            }

            Remember(conversationEvent.EventId);
            await state.WriteStateAsync();
        }

        await GrainFactory.GetGrainCached<IConversationGrain>(VendorScopedKey.Format(VendorId, conversation.ConversationId))
            .AcknowledgeAsync(conversationEvent.EventId, ConversationStreams.Consumers.Notifications);
    }

    private void Remember(string eventId)
    {
        handled!.Add(eventId);
        state.State.Handled.Add(eventId);
        if (state.State.Handled.Count > NotifierState.Capacity)
        {
            handled.Remove(state.State.Handled[0]);
            state.State.Handled.RemoveAt(0);
        }
    }

    private async Task NotifyVendorAsync(ConversationEvent conversationEvent)
    {
        var conversation = conversationEvent.Conversation;
        await GrainFactory.GetGrainCached<IVendorWebhooksGrain>(VendorId).PublishAsync(conversationEvent);

        // The vendor's own staff recorded the question, so only its systems hear of the opening, by webhook, and its mailbox does not.
        if (conversation.RecordedByStaff && conversationEvent.Type is VendorEventType.QuestionOpened or VendorEventType.DisputeOpened)
        {
            return;
        }
        var profile = await GrainFactory.GetGrainCached<IVendorGrain>(VendorId).GetProfileAsync();
        if (profile is null || string.IsNullOrWhiteSpace(profile.ContactEmail))
        {
            LogNoVendorContact(VendorId, conversationEvent.EventId);
            return;
        }

        var account = await AccountAsync(conversation);
        var customerName = account?.Contact.Name ?? conversation.CustomerId;
        await DeliverAsync(ConversationNotice.ForVendor(conversationEvent, profile.ContactEmail, customerName), conversationEvent);
    }

    private async Task NotifyCustomerAsync(ConversationEvent conversationEvent)
    {
        var conversation = conversationEvent.Conversation;
        var profile = await GrainFactory.GetGrainCached<IVendorGrain>(VendorId).GetProfileAsync();
        var account = await AccountAsync(conversation);
        var threadUrl = signer.CreateUrl(new DigestLinkClaims(
            DigestLinkPurpose.Conversation, conversation.CustomerId, VendorId, conversation.ConversationId, signer.NewExpiry()));
        var notice = ConversationNotice.ForCustomer(conversationEvent, account?.Contact.Email, profile?.Name ?? VendorId, threadUrl);
        await DeliverAsync(notice, conversationEvent);
    }

    private Task<AccountView?> AccountAsync(ConversationView conversation) =>
        GrainFactory.GetGrainCached<ICustomerAccountGrain>(VendorScopedKey.Format(VendorId, conversation.AccountNumber)).GetAsync();

    private async Task DeliverAsync(DigestMessage notice, ConversationEvent conversationEvent)
    {
        var result = await delivery.DeliverAsync(notice, CancellationToken.None);
        if (result.Status == DeliveryStatus.Delivered)
        {
            LogNoticeDelivered(VendorId, conversationEvent.EventId, conversationEvent.Type, result.Location);
        }
        else
        {
            LogNoticeNotDelivered(VendorId, conversationEvent.EventId, conversationEvent.Type, result.Status, result.Detail);
        }
    }

    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Notice of event {EventId} ({EventType}) for vendor {VendorId} delivered: {Location}")]
    private partial void LogNoticeDelivered(string vendorId, string eventId, VendorEventType eventType, string? location);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Notice of event {EventId} ({EventType}) for vendor {VendorId} not delivered ({Status}): {Detail}")]
    private partial void LogNoticeNotDelivered(string vendorId, string eventId, VendorEventType eventType, DeliveryStatus status, string? detail);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Vendor {VendorId} has no contact email, so event {EventId} is not emailed")]
    private partial void LogNoVendorContact(string vendorId, string eventId);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Error, Message = "The conversation stream of vendor {VendorId} reported an error")]
    private partial void LogStreamError(Exception error, string vendorId);
}
