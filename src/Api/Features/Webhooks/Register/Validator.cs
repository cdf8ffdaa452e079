using FastEndpoints;
using FluentValidation;
using TermSync.Api.Infrastructure;
using TermSync.Conversations;
using TermSync.Webhooks;

namespace TermSync.Api.Features.Webhooks.Register;

/// <summary>
/// Checks the form of the request. The silo checks the rest when it registers the endpoint: whether http is allowed
/// and whether the host resolves to a private address.
/// </summary>
public sealed class Validator : Validator<Request>
{
    private static readonly string Subscribable = string.Join(", ", VendorEventTypes.Subscribable.Select(VendorEventTypes.Name));

    public Validator()
    {
        RuleFor(request => request.VendorId).MustBeVendorId();
        RuleFor(request => request.Url)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("The URL is missing; send the absolute https address that receives the events, such as https://erp.example.com/termsync/webhooks.")
            .MaximumLength(WebhookLimits.MaxUrlLength).WithMessage($"The URL is longer than {WebhookLimits.MaxUrlLength} characters; register a shorter one.")
            .Must(BeAbsoluteWebUrl).WithMessage("'{PropertyValue}' is not an absolute https URL; send one such as https://erp.example.com/termsync/webhooks.");
        RuleFor(request => request.Events)
            .NotEmpty().WithMessage($"The event types are missing; send a list with at least one of {Subscribable}.");
        RuleForEach(request => request.Events)
            .Must(BeSubscribable).WithMessage($"'{{PropertyValue}}' is not an event type a webhook can subscribe to; use {Subscribable}.");
    }

    private static bool BeAbsoluteWebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";

    private static bool BeSubscribable(string? name) =>
        VendorEventTypes.TryParse(name, out var type) && VendorEventTypes.Subscribable.Contains(type);
}
