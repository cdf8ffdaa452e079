using TermSync.Api.Portal.Sessions;

namespace TermSync.Api.Portal.Pages;

public sealed class InvoiceModel(IClusterClient cluster, PortalSessionCookie cookie) : PortalPageModel(cluster, cookie)
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public string Vendor { get; set; } = "";

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public string Number { get; set; } = "";

    public void OnGet()
    {
    }
}
