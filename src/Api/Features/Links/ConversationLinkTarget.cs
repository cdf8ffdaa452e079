using TermSync.Conversations;
using TermSync.Grains.Digests.Links;
using TermSync.Invoices;
using TermSync.Vendors;

namespace TermSync.Api.Features.Links;

/// <summary>The conversation a conversation link names, with its vendor and those of its invoices still billed to the customer.</summary>
internal sealed record ConversationLinkTarget(ConversationView Conversation, VendorProfile Vendor, IReadOnlyList<InvoiceSnapshot> Invoices)
{
    /// <summary>
    /// Loads the conversation of verified claims. Returns null when it was never opened or belongs to another customer,
    /// so a link never shows another customer's conversation.
    /// </summary>
    public static async Task<ConversationLinkTarget?> LoadAsync(IClusterClient cluster, DigestLinkClaims claims, ILogger logger)
    {
        var vendorId = claims.VendorId!;
        var conversationId = claims.InvoiceNumber!;
        var conversation = Identifiers.IsConversationId(conversationId)
            ? await cluster.GetGrainCached<IConversationGrain>(VendorScopedKey.Format(vendorId, conversationId)).GetAsync()
            : null;
        var vendor = await cluster.GetGrainCached<IVendorGrain>(vendorId).GetProfileAsync();
        if (conversation is null || vendor is null || conversation.CustomerId != claims.CustomerId)
        {
            LinkLog.ConversationNotOwned(logger, claims.CustomerId, vendorId, conversationId);
            return null;
        }

        var invoices = await Task.WhenAll(conversation.Invoices.Select(invoice =>
            cluster.GetGrainCached<IInvoiceGrain>(InvoiceKey.Format(vendorId, invoice.InvoiceNumber)).GetAsync()));
        var billed = invoices.OfType<InvoiceSnapshot>().Where(invoice => invoice.Customer.Id == claims.CustomerId).ToList();
        return new ConversationLinkTarget(conversation, vendor, billed);
    }
}
