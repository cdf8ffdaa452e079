using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using TermSync.Conversations;
using TermSync.Grains;
using TermSync.Grains.Digests;
using TermSync.Grains.Digests.Smtp;
using TermSync.Grains.Ledger;
using TermSync.Grains.Telemetry;
using TermSync.Silo.Ledger;

namespace TermSync.Silo.Hosting;

public static class SiloBuilderExtensions
{
    /// <summary>
    /// Configures a TermSync silo: ADO.NET clustering and reminders on PostgreSQL, grain storage on PostgreSQL with group commit, the receivables
    /// ledger in PostgreSQL, the endpoints from <see cref="ClusterSettings"/>, and the services the grains need.
    /// </summary>
    public static ISiloBuilder UseTermSyncSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var settings = ClusterSettings.From(configuration);

        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = settings.ClusterId;
            options.ServiceId = settings.ServiceId;
        });
        silo.ConfigureEndpoints(settings.AdvertisedAddress, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: false);

        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = ClusterSettings.Invariant;
            options.ConnectionString = settings.ConnectionString;
        });
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = ClusterSettings.Invariant;
            options.ConnectionString = settings.ConnectionString;
        });
        silo.AddGroupCommitGrainStorage(StorageNames.Default, settings.ConnectionString);
        silo.AddAdoNetGrainStorage(StorageNames.PubSub, options =>
        {
            options.Invariant = ClusterSettings.Invariant;
            options.ConnectionString = settings.ConnectionString;
        });
        silo.Services.UseOrleansBinaryStateSerializer(StorageNames.PubSub);

        // The ledger's data source gets no logger factory, because Npgsql would log every flush at Information.
        // The ledger logs its own flushes at Debug and every failed flush as an error.
        silo.Services.AddSingleton<IReceivablesLedger>(provider => new PostgresReceivablesLedger(
            NpgsqlDataSource.Create(settings.ConnectionString),
            provider.GetRequiredService<ILogger<PostgresReceivablesLedger>>()));

        silo.AddTermSyncStreams();
        silo.Services.AddTermSyncGrainServices(configuration);
        silo.Services.AddDatabaseExceptionSerialization();
        return silo;
    }

    /// <summary>
    /// Adds the in-memory stream provider that carries conversation events. A message it loses with a silo is published
    /// again by its conversation, whose stored state lists every event until each consumer acknowledges it. The caller
    /// registers the grain storage named <see cref="StorageNames.PubSub"/>.
    /// </summary>
    public static ISiloBuilder AddTermSyncStreams(this ISiloBuilder silo) =>
        silo.AddMemoryStreams(ConversationStreams.Provider);

    /// <summary>
    /// Stores grain state with the Orleans binary serializer instead of the default JSON one. It writes field ids and,
    /// where needed, [Alias] names instead of assembly-qualified type names, so renaming a state class keeps stored state readable.
    /// </summary>
    public static IServiceCollection UseOrleansBinaryStateSerializer(this IServiceCollection services, string storageName)
    {
        services.AddOptions<AdoNetGrainStorageOptions>(storageName)
            .Configure<Serializer>((options, serializer) => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        return services;
    }

    /// <summary>
    /// Registers the services grains resolve: digest settings, the link signer, the clock, the metrics, webhook delivery, the
    /// digest delivery, which is SMTP when "Smtp:Host" is set and the outbox folder otherwise, and the receivables ledger.
    /// A delivery or ledger registered before is kept. The ledger registered here is the in-memory one, which like memory
    /// grain storage serves test clusters and benchmarks only; <see cref="UseTermSyncSilo"/> registers the PostgreSQL ledger first.
    /// </summary>
    public static IServiceCollection AddTermSyncGrainServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTermSyncDigestLinks(configuration);
        services.AddTermSyncWebhooks(configuration);

        var smtp = configuration.GetSection(SmtpOptions.SectionName);
        if (string.IsNullOrWhiteSpace(smtp[nameof(SmtpOptions.Host)]))
        {
            services.TryAddSingleton<IDigestDelivery, OutboxDelivery>();
        }
        else
        {
            services.AddOptions<SmtpOptions>().Bind(smtp).ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>());
            services.TryAddSingleton<IDigestDelivery, SmtpDelivery>();
        }

        services.TryAddSingleton<DigestRenderer>();
        services.TryAddSingleton<IReceivablesLedger, InMemoryReceivablesLedger>();
        services.AddMetrics();
        services.TryAddSingleton<TermSyncMetrics>();
        services.TryAddSingleton<ReceivablesGauges>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton<TimeProvider>(GrainClock.Key, (provider, _) => provider.GetRequiredService<TimeProvider>());
        return services;
    }
}
