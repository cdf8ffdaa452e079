namespace TermSync.Api.Hosting;

/// <summary>
/// Serves the metrics dashboard: GET /dashboard returns wwwroot/dashboard/index.html, and the static file middleware
/// serves its script, its style sheet and wwwroot/lib (Chart.js, copied there from npm at build time). The page needs
/// no authentication because it contains no data. Its script calls the JSON endpoints with the key the user enters.
/// </summary>
public static class DashboardHosting
{
    /// <summary>The route of the dashboard page.</summary>
    public const string Route = "/dashboard";

    private const string PagePath = "dashboard/index.html";

    // The page loads scripts, styles and data from this origin only, and no other site may frame it.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static WebApplication UseTermSyncDashboard(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context => AddSecurityHeaders(context.Context.Response),
        });

        app.MapGet(Route, (IWebHostEnvironment environment, HttpContext context) =>
            {
                var page = environment.WebRootFileProvider.GetFileInfo(PagePath);
                if (!page.Exists)
                {
                    return Results.Problem(
                        $"The dashboard page {PagePath} is missing from the web root {environment.WebRootPath}; start the API with the project folder as its content root.",
                        statusCode: StatusCodes.Status404NotFound);
                }

                AddSecurityHeaders(context.Response);
                context.Response.Headers.CacheControl = "no-cache";
                return Results.Stream(page.CreateReadStream(), "text/html; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    private static void AddSecurityHeaders(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
