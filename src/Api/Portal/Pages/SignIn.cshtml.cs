using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TermSync.Api.Portal.Sessions;
using TermSync.Grains.Digests.Links;
using TermSync.Portal;

namespace TermSync.Api.Portal.Pages;

/// <summary>
/// Where every digest link lands. The token names the customer; the clerk confirms the address the digest went to, or
/// an invited clerk's, before anything of the account is shown. An expired token offers a fresh link by email.
/// </summary>
public sealed partial class SignInModel(IClusterClient cluster, DigestLinkSigner signer, PortalSessionCookie cookie, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    /// <summary>What the page shows: the confirmation form, a rejected link, an expired link, or that a fresh link was sent.</summary>
    public SignInState State { get; private set; } = SignInState.Confirm;

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Verify() is not { } claims)
        {
            return Page();
        }

        return cookie.Read(HttpContext) is { } session && session.CustomerId == claims.CustomerId
            && await cluster.GetGrainCached<ICustomerPortalGrain>(claims.CustomerId).IsSessionValidAsync(session.Email, session.Stamp)
            ? RedirectToTarget(claims)
            : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Verify() is not { } claims)
        {
            return Page();
        }

        if (!PortalRules.IsEmail(Email))
        {
            Error = "Type the email address the digest was sent to, such as ap@example.com.";
            return Page();
        }

        var portal = cluster.GetGrainCached<ICustomerPortalGrain>(claims.CustomerId);
        var confirmation = await portal.ConfirmAsync(Email!);
        if (confirmation == PortalConfirmation.Confirmed && await portal.StartSessionAsync(Email!) is { } stamp)
        {
            cookie.Start(HttpContext, claims.CustomerId, PortalRules.Normalize(Email!), stamp);
            LogSignedIn(logger, claims.CustomerId, claims.Purpose);
            return RedirectToTarget(claims);
        }

        switch (confirmation)
        {
            case PortalConfirmation.TooManyAttempts:
                Error = $"Too many addresses were tried for this account. Wait {PortalRules.FailureWindow.TotalMinutes:0} minutes, then type the address the digest was sent to.";
                return Page();
            default:
                Error = "This is not the address the digest was sent to, nor that of an invited clerk. Type the address that received the digest, " +
                    "or ask a colleague who uses the portal to invite you.";
                return Page();
        }
    }

    public async Task<IActionResult> OnPostFreshLinkAsync()
    {
        var verification = signer.VerifyAnyPurpose(Token);
        if (verification.Status == DigestLinkStatus.Invalid)
        {
            State = SignInState.Rejected;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var customerId = verification.Claims?.CustomerId ?? verification.ExpiredCustomerId!;
        await cluster.GetGrainCached<ICustomerPortalGrain>(customerId).SendFreshLinkAsync();
        State = SignInState.FreshLinkSent;
        return Page();
    }

    private DigestLinkClaims? Verify()
    {
        var verification = signer.VerifyAnyPurpose(Token);
        if (verification.Claims is { } claims)
        {
            return claims;
        }

        State = verification.Status == DigestLinkStatus.Expired ? SignInState.Expired : SignInState.Rejected;
        Response.StatusCode = verification.Status == DigestLinkStatus.Expired ? StatusCodes.Status410Gone : StatusCodes.Status400BadRequest;
        return null;
    }

    private RedirectToPageResult RedirectToTarget(DigestLinkClaims claims) => claims.Purpose switch
    {
        DigestLinkPurpose.Pay or DigestLinkPurpose.Ask => RedirectToPage("/Invoice", new { vendor = claims.VendorId, number = claims.InvoiceNumber }),
        DigestLinkPurpose.Unsubscribe => RedirectToPage("/Preferences"),
        _ => RedirectToPage("/Index"),
    };

    [LoggerMessage(EventId = 4410, Level = LogLevel.Information, Message = "Portal session started for customer {CustomerId} from a {Purpose} link")]
    private static partial void LogSignedIn(ILogger logger, string customerId, DigestLinkPurpose purpose);
}

public enum SignInState
{
    Confirm,
    Rejected,
    Expired,
    FreshLinkSent,
}
