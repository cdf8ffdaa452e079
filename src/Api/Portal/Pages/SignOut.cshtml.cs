using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TermSync.Api.Portal.Sessions;
using TermSync.Portal;

namespace TermSync.Api.Portal.Pages;

/// <summary>
/// Ends the clerk's sessions on every device: the portal grain drops the clerk's session stamp, so a copy of the cookie
/// stops working too. Only a POST signs out, so a link or an image elsewhere cannot.
/// </summary>
public sealed class SignOutModel(IClusterClient cluster, PortalSessionCookie cookie) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        if (cookie.Read(HttpContext) is { } session)
        {
            await cluster.GetGrainCached<ICustomerPortalGrain>(session.CustomerId).EndSessionsAsync(session.Email);
        }

        PortalSessionCookie.End(HttpContext);
        return RedirectToPage("/SignedOut");
    }
}
