using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TermSync.Grains.Webhooks;

namespace TermSync.Silo.Hosting;

public static class WebhookHosting
{
    /// <summary>
    /// Binds <see cref="WebhookOptions"/> to the "Webhooks" section, checks them when the host starts, and registers
    /// the URL policy, the sender and its named HTTP client. A second call changes nothing.
    /// </summary>
    public static IServiceCollection AddTermSyncWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(descriptor => descriptor.ServiceType == typeof(WebhookSender)))
        {
            return services;
        }

        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());
        services.AddSingleton<WebhookUrlPolicy>();
        services.AddSingleton<WebhookSender>();

        // Each attempt sets its own time limit, so the client's timeout is off.
        services.AddHttpClient(WebhookHttpHandler.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => WebhookHttpHandler.Create(provider.GetRequiredService<WebhookUrlPolicy>()));
        return services;
    }
}
