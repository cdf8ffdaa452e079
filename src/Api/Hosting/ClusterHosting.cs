using TermSync.Silo.Hosting;

namespace TermSync.Api.Hosting;

public static class ClusterHosting
{
    /// <summary>
    /// Joins the Orleans cluster as configured by "Orleans:Mode". "Silo" (the default) hosts a silo in this
    /// process, and "Client" connects to silos running elsewhere through the membership table.
    /// </summary>
    public static WebApplicationBuilder AddTermSyncCluster(this WebApplicationBuilder builder)
    {
        var mode = builder.Configuration["Orleans:Mode"] ?? "Silo";
        if (mode.Equals("Client", StringComparison.OrdinalIgnoreCase))
        {
            builder.UseOrleansClient(client => client
                .UseTermSyncClient(builder.Configuration)
                .UseConnectionRetryFilter<GatewayRetryFilter>());
        }
        else if (mode.Equals("Silo", StringComparison.OrdinalIgnoreCase))
        {
            builder.UseOrleans(silo => silo.UseTermSyncSilo(builder.Configuration));
        }
        else
        {
            throw new InvalidOperationException($"Orleans:Mode '{mode}' is invalid; use 'Silo' to host a silo in the API process or 'Client' to connect to separate silos.");
        }

        // The digest link pages check tokens in this process in both modes. A co-hosted silo registered the signer already.
        builder.Services.AddTermSyncDigestLinks(builder.Configuration);
        return builder;
    }
}
