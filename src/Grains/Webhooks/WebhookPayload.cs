using System.Text.Json;
using System.Text.Json.Serialization;
using TermSync.Conversations;

namespace TermSync.Grains.Webhooks;

/// <summary>
/// The JSON body of a webhook request: the event id, its wire type, when it happened, the vendor id, and the
/// conversation just after the event under "data.conversation". Names are camelCase and enums camelCase strings.
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

    private sealed record Body(string Id, string Type, DateTimeOffset CreatedAt, string VendorId, Data Data);

    private sealed record Data(ConversationView Conversation);
}
