using TermSync.Api.Portal.Sessions;

namespace TermSync.Api.Portal.Pages;

public sealed class ClerksModel(IClusterClient cluster, PortalSessionCookie cookie) : PortalPageModel(cluster, cookie)
{
    public void OnGet()
    {
    }
}
