using TermSync.Api.Portal.Sessions;

namespace TermSync.Api.Portal.Pages;

public sealed class PreferencesModel(IClusterClient cluster, PortalSessionCookie cookie) : PortalPageModel(cluster, cookie)
{
    public void OnGet()
    {
    }
}
