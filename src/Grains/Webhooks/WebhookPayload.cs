using System.Text.Json;
using System.Text.Json.Serialization;
using TermSync.Conversations;
using TermSync.Invoices;

namespace TermSync.Grains.Webhooks;

/// <summary>
/// The JSON body of a webhook request: the event id, its wire type, when it happened, the vendor id, and under "data"
/// the conversation just after a conversation event, or the invoice with its payment notice after a payment notice.
/// Names are camelCase and enums camelCase strings.
/// </summary>
public static class WebhookPayload
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>Serializes the body of <paramref name="conversationEvent"/>.</summary>
    public static string Serialize(ConversationEvent conversationEvent)
    {
        var body = new Body(
            conversationEvent.EventId,
            VendorEventTypes.Name(conversationEvent.Type),
            conversationEvent.OccurredAt,
            conversationEvent.Conversation.VendorId,
            new Data(conversationEvent.Conversation));
        return JsonSerializer.Serialize(body, Options);
    }

    /// <summary>Serializes the body of <paramref name="noticeEvent"/>, with the invoice under "data.invoice".</summary>
    public static string Serialize(PaymentNoticeEvent noticeEvent)
    {
        var invoice = noticeEvent.Invoice;
        var body = new Body<InvoiceData>(
            noticeEvent.EventId,
            VendorEventTypes.Name(VendorEventType.PaymentNoticeReceived),
            noticeEvent.OccurredAt,
            invoice.VendorId,
            new InvoiceData(new NoticedInvoice(
                invoice.InvoiceNumber,
                invoice.Customer.Id,
                invoice.AccountNumber,
                invoice.Currency,
                invoice.Amount,
                invoice.OpenAmount,
                invoice.DueDate,
                invoice.Version,
                invoice.PaymentNotice)));
        return JsonSerializer.Serialize(body, Options);
    }

    private sealed record Body(string Id, string Type, DateTimeOffset CreatedAt, string VendorId, Data Data);

    private sealed record Data(ConversationView Conversation);

    private sealed record Body<TData>(string Id, string Type, DateTimeOffset CreatedAt, string VendorId, TData Data);

    private sealed record InvoiceData(NoticedInvoice Invoice);

    private sealed record NoticedInvoice(
        string InvoiceNumber,
        string CustomerId,
        string AccountNumber,
        string Currency,
        decimal Amount,
        decimal OpenAmount,
        DateOnly DueDate,
        int Version,
        PaymentNotice? PaymentNotice);
}
