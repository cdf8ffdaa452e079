using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;
using TermSync.Conversations;
using TermSync.Vendors;

namespace TermSync.Grains.Conversations;

/// <summary>
/// Keeps a vendor's conversation summaries and computes its figures from them. Every conversation event of the vendor
/// reaches it through an implicit subscription to the vendor's conversation stream.
/// </summary>
[ImplicitStreamSubscription(ConversationStreams.Namespace)]
public sealed partial class VendorConversationFiguresGrain(
    [PersistentState("conversationfigures", StorageNames.Default)] IPersistentState<VendorConversationFiguresState> state,
    ILogger<VendorConversationFiguresGrain> logger) : Grain, IVendorConversationFiguresGrain, IStreamSubscriptionObserver
{
    private string VendorId => this.GetPrimaryKeyString();

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        var handle = handleFactory.Create<ConversationEvent>();
        await handle.ResumeAsync((conversationEvent, _) => ApplyAsync(conversationEvent));
    }

    public async Task ApplyAsync(ConversationEvent conversationEvent)
    {
        var conversation = conversationEvent.Conversation;
        if (!string.Equals(conversation.VendorId, VendorId, StringComparison.Ordinal))
        {
            LogOtherVendorEvent(VendorId, conversation.VendorId, conversation.ConversationId, conversationEvent.EventId);
            return;
        }

        var conversations = state.State.Conversations;
        if (!conversations.TryGetValue(conversation.ConversationId, out var stored) || stored.Version < conversation.Version)
        {
            conversations[conversation.ConversationId] = ConversationSummary.From(conversation);
            await state.WriteStateAsync();
        }

        var source = GrainFactory.GetGrainCached<IConversationGrain>(VendorScopedKey.Format(VendorId, conversation.ConversationId));
        await source.AcknowledgeAsync(conversationEvent.EventId, ConversationStreams.Consumers.Figures);
    }

    public Task<IReadOnlyList<ConversationListItem>> ListAsync(bool openOnly, int limit)
    {
        var conversations = state.State.Conversations.Values.Where(summary => !openOnly || summary.ResolvedAt is null).ToList();
        var waiting = conversations.Where(summary => summary.FirstResponseAt is null && summary.ResolvedAt is null).OrderBy(summary => summary.OpenedAt);
        var rest = conversations.Where(summary => summary.FirstResponseAt is not null || summary.ResolvedAt is not null).OrderByDescending(summary => summary.OpenedAt);
        IReadOnlyList<ConversationListItem> items = [.. waiting.Concat(rest).Take(limit).Select(ListItem)];
        return Task.FromResult(items);
    }

    public Task<IReadOnlyList<ConversationListItem>> ListForInvoiceAsync(string customerId, string invoiceNumber)
    {
        IReadOnlyList<ConversationListItem> items =
        [
            .. state.State.Conversations.Values
                .Where(summary => summary.CustomerId == customerId && summary.InvoiceNumbers.Contains(invoiceNumber, StringComparer.Ordinal))
                .OrderByDescending(summary => summary.OpenedAt)
                .Select(ListItem),
        ];
        return Task.FromResult(items);
    }

    private static ConversationListItem ListItem(ConversationSummary summary) => new(
        summary.ConversationId,
        summary.CustomerId,
        summary.Kind,
        summary.InvoiceNumbers,
        summary.OpenedAt,
        summary.FirstResponseAt,
        summary.ResolvedAt,
        summary.RecordedByStaff);

    public async Task<ResponseTimeFigures> GetResponseTimeAsync(DateOnly asOf, int windowDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowDays, 1);
        var calculator = await CreateCalculatorAsync();
        return calculator.ComputeResponseTime(VendorId, state.State.Conversations.Values, asOf, windowDays);
    }

    public async Task<InvoiceAccuracyFigures> GetInvoiceAccuracyAsync(DateOnly asOf, int windowDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowDays, 1);
        var calculator = await CreateCalculatorAsync();
        var windowStart = asOf.AddDays(1 - windowDays);
        var queried = calculator.QueriedInvoiceNumbers(state.State.Conversations.Values, asOf);

        var count = await IVendorLedgerGrain.CountIssuedAsync(GrainFactory, VendorId, windowStart, asOf, queried);

        decimal? ratePercent = count.Issued == 0
            ? null
            : DurationStatisticsCalculator.Round(100m * count.Queried / count.Issued);
        return new InvoiceAccuracyFigures(VendorId, asOf, windowDays, count.Issued, count.Queried, ratePercent, 100m - ratePercent);
    }

    private async Task<ConversationFiguresCalculator> CreateCalculatorAsync()
    {
        var clock = await VendorClock.LoadAsync(GrainFactory, VendorId);
        return new ConversationFiguresCalculator(clock.Settings, clock.Zone);
    }

    [LoggerMessage(EventId = 7300, Level = LogLevel.Warning,
        Message = "Figures of vendor {VendorId} ignored event {EventId} of conversation {ConversationId} of vendor {OtherVendorId}")]
    private partial void LogOtherVendorEvent(string vendorId, string otherVendorId, string conversationId, string eventId);
}
