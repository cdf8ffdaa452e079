using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TermSync.Grains.Digests;
using TermSync.Grains.Digests.Links;

namespace TermSync.Silo.Hosting;

public static class DigestHosting
{
    /// <summary>
    /// Binds <see cref="DigestOptions"/> to the "Digests" section, checks the link settings when the host starts, and
    /// registers the <see cref="DigestLinkSigner"/>. Silos sign links and API processes check them, so both call this.
    /// A second call changes nothing.
    /// </summary>
    public static IServiceCollection AddTermSyncDigestLinks(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(descriptor => descriptor.ServiceType == typeof(DigestLinkSigner)))
        {
            return services;
        }

        services.AddOptions<DigestOptions>().Bind(configuration.GetSection(DigestOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DigestOptions>, DigestOptionsValidator>();
        services.AddSingleton<DigestLinkSigner>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
