using TermSync.Api.Portal.Sessions;

namespace TermSync.Api.Portal;

/// <summary>
/// Serves the customer portal: server-rendered Razor Pages under /portal, from src/Api/Portal/Pages, with a style sheet
/// from wwwroot/portal. A clerk signs in from a digest link by confirming an email address; the session is a signed cookie.
/// </summary>
public static class PortalHosting
{
    // Pages load their style sheet and their one script from this origin only, post forms only here, and no site may frame them.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IServiceCollection AddTermSyncPortal(this IServiceCollection services)
    {
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.SectionName);
        services.AddSingleton<PortalSessionCookie>();
        services.AddRazorPages(options => options.RootDirectory = "/Portal/Pages");
        return services;
    }

    public static WebApplication UseTermSyncPortal(this WebApplication app)
    {
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/portal", StringComparison.Ordinal),
            portal => portal.Use((context, next) =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                // The same values antiforgery sets on pages with a form, so it has nothing to override.
                headers.CacheControl = "no-cache, no-store";
                headers.Pragma = "no-cache";
                headers["Referrer-Policy"] = "no-referrer";
                return next(context);
            }));
        app.MapRazorPages();
        return app;
    }
}
