using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TermSync.Api.Portal.Sessions;

namespace TermSync.Api.Portal.Pages;

/// <summary>Ends the session. Only a POST signs out, so a link or an image elsewhere cannot.</summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public IActionResult OnPost()
    {
        PortalSessionCookie.End(HttpContext);
        return RedirectToPage("/SignedOut");
    }
}
