using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using TermSync.Silo.Hosting;

namespace TermSync.Api.Idempotency;

public static class IdempotencyHosting
{
    /// <summary>
    /// Registers the Idempotency-Key store, its settings from the "Idempotency" section, the cleanup
    /// service, and the API process's <see cref="NpgsqlDataSource"/> for the "TermSync" connection
    /// string unless one is registered already.
    /// </summary>
    public static IServiceCollection AddTermSyncIdempotency(this IServiceCollection services)
    {
        services.AddOptions<IdempotencyOptions>()
            .BindConfiguration(IdempotencyOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IdempotencyOptions>, IdempotencyOptionsValidator>());

        services.TryAddSingleton(provider =>
        {
            var connectionString = ClusterSettings.From(provider.GetRequiredService<IConfiguration>()).ConnectionString;
            return new NpgsqlDataSourceBuilder(connectionString)
                .UseLoggerFactory(provider.GetRequiredService<ILoggerFactory>())
                .Build();
        });
        services.AddSingleton<IdempotencyStore>();
        services.AddHostedService<IdempotencyCleanupService>();
        return services;
    }

    /// <summary>
    /// Adds the Idempotency-Key middleware. Call it after authentication, so keys are scoped by the
    /// caller, and before the endpoints.
    /// </summary>
    public static IApplicationBuilder UseTermSyncIdempotency(this IApplicationBuilder app) =>
        app.UseMiddleware<IdempotencyMiddleware>();
}
