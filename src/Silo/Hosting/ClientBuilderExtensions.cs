using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace TermSync.Silo.Hosting;

public static class ClientBuilderExtensions
{
    /// <summary>
    /// Configures an Orleans client that finds the silos' gateways through the ADO.NET membership table,
    /// for an API process that runs apart from the silos.
    /// </summary>
    public static IClientBuilder UseTermSyncClient(this IClientBuilder client, IConfiguration configuration)
    {
        var settings = ClusterSettings.From(configuration);

        client.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = settings.ClusterId;
            options.ServiceId = settings.ServiceId;
        });
        client.UseAdoNetClustering(options =>
        {
            options.Invariant = ClusterSettings.Invariant;
            options.ConnectionString = settings.ConnectionString;
        });
        client.Services.AddDatabaseExceptionSerialization();
        return client;
    }
}
