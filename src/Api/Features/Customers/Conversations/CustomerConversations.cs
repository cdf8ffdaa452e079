using TermSync.Api.Infrastructure;
using TermSync.Conversations;

namespace TermSync.Api.Features.Customers.Conversations;

/// <summary>Access to the conversations of one customer, which never reaches another customer's.</summary>
internal static class CustomerConversations
{
    /// <summary>Returns the conversation when it exists and is the customer's; null otherwise, so both cases look the same.</summary>
    public static async Task<ConversationView?> FindAsync(IClusterClient cluster, string customerId, string vendorId, string conversationId)
    {
        if (!Identifiers.IsVendorId(vendorId) || !Identifiers.IsConversationId(conversationId))
        {
            return null;
        }

        var conversation = await cluster.GetGrainCached<IConversationGrain>(VendorScopedKey.Format(vendorId, conversationId)).GetAsync();
        return conversation?.CustomerId == customerId ? conversation : null;
    }

    public static IResult NotFound(string customerId, string vendorId, string conversationId) =>
        Problems.NotFound("Conversation not found.", $"Customer '{customerId}' has no conversation '{conversationId}' with vendor '{vendorId}'.");
}
