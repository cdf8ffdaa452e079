namespace TermSync.Api.Features.Webhooks.Register;

/// <summary>A webhook endpoint to register.</summary>
/// <param name="Url">The absolute https address that receives each event as a signed POST.</param>
/// <param name="Events">Wire names of the event types to deliver: "question.opened", "dispute.opened", "customer.replied", "sla.breached", "payment.notice".</param>
public sealed record Request(string VendorId, string? Url, List<string?>? Events);
