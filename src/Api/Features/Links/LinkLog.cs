using TermSync.Grains.Digests.Links;

namespace TermSync.Api.Features.Links;

/// <summary>Log events of the digest link pages. The token is never logged, because it is the reader's credential.</summary>
internal static partial class LinkLog
{
    [LoggerMessage(EventId = 6200, Level = LogLevel.Information, Message = "Digest {Purpose} link rejected: {Status}")]
    public static partial void Rejected(ILogger logger, DigestLinkPurpose purpose, DigestLinkStatus status);

    [LoggerMessage(EventId = 6201, Level = LogLevel.Information,
        Message = "Digest {Purpose} link of customer {CustomerId} names invoice {InvoiceNumber} of vendor {VendorId}, which is not billed to that customer")]
    public static partial void InvoiceNotBilled(ILogger logger, DigestLinkPurpose purpose, string customerId, string vendorId, string invoiceNumber);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Information, Message = "Customer {CustomerId} unsubscribed from digests through a link")]
    public static partial void Unsubscribed(ILogger logger, string customerId);

    [LoggerMessage(EventId = 6203, Level = LogLevel.Information, Message = "Customer {CustomerId} answered survey {SurveyId} with score {Score} through a link")]
    public static partial void SurveyAnswered(ILogger logger, string customerId, string surveyId, int score);

    [LoggerMessage(EventId = 6205, Level = LogLevel.Information,
        Message = "Digest conversation link of customer {CustomerId} names conversation {ConversationId} of vendor {VendorId}, which is not that customer's")]
    public static partial void ConversationNotOwned(ILogger logger, string customerId, string vendorId, string conversationId);

    [LoggerMessage(EventId = 6206, Level = LogLevel.Warning, Message = "Form of a digest {Purpose} link from customer {CustomerId} rejected with {ErrorCount} errors")]
    public static partial void FormRejected(ILogger logger, DigestLinkPurpose purpose, string customerId, int errorCount);
}
