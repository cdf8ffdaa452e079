using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using TermSync.Api.Security;

namespace TermSync.Api.Hosting;

public static partial class SecurityHosting
{
    /// <summary>
    /// Registers API key authentication as the default scheme, with the admin key from "Security:AdminKey", and authorization.
    /// </summary>
    public static IServiceCollection AddTermSyncSecurity(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName);
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, configureOptions: null);
        services.AddAuthorization();
        return services;
    }

    /// <summary>
    /// Adds authentication, the vendor scope check and authorization to the pipeline, in that order, and warns once
    /// when no admin key is configured.
    /// </summary>
    public static WebApplication UseTermSyncSecurity(this WebApplication app)
    {
        if (string.IsNullOrEmpty(app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.AdminKey))
        {
            LogAdminKeyMissing(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SecurityHosting).FullName!));
        }

        app.UseAuthentication();
        app.UseMiddleware<VendorScopeMiddleware>();
        app.UseAuthorization();
        return app;
    }

    [LoggerMessage(EventId = 6020, Level = LogLevel.Warning,
        Message = "No admin key is configured, so every admin request gets 401; set Security:AdminKey (environment variable Security__AdminKey)")]
    private static partial void LogAdminKeyMissing(ILogger logger);
}
