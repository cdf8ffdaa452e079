using TermSync.Api.Infrastructure;

namespace TermSync.Api.Features.Webhooks;

internal static class WebhookProblems
{
    public static IResult EndpointNotFound(string vendorId, string endpointId) =>
        Problems.NotFound("Webhook endpoint not found.", $"Vendor '{vendorId}' has no webhook endpoint '{endpointId}'; list its endpoints with GET /vendors/{vendorId}/webhooks.");

    public static IResult DeliveryNotFound(string vendorId, string deliveryId) =>
        Problems.NotFound("Webhook delivery not found.", $"Vendor '{vendorId}' has no webhook delivery '{deliveryId}'; list its deliveries with GET /vendors/{vendorId}/webhooks/deliveries.");

    public static IResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "The request conflicts with the vendor's webhook endpoints.", type: "https://tools.ietf.org/html/rfc9110#section-15.5.10");

    public static IResult EndpointRemoved(string vendorId, string deliveryId) =>
        TypedResults.Problem(
            $"The endpoint of delivery '{deliveryId}' was removed, so there is nowhere to send it; register the endpoint again and wait for new events.",
            statusCode: StatusCodes.Status409Conflict,
            title: "The delivery's endpoint was removed.",
            type: "https://tools.ietf.org/html/rfc9110#section-15.5.10");
}
