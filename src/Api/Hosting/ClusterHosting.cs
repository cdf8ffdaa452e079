using TermSync.Silo.Hosting;

namespace TermSync.Api.Hosting;

public static class ClusterHosting
{
    /// <summary>
    /// Joins the Orleans cluster as configured by "Orleans:Mode": "Silo" (the default) hosts a silo in this
    /// process; "Client" connects to silos running elsewhere through the membership table.
    /// </summary>
    public static WebApplicationBuilder AddTermSyncCluster(this WebApplicationBuilder builder)
    {
        var mode = builder.Configuration["Orleans:Mode"] ?? "Silo";
        if (mode.Equals("Client", StringComparison.OrdinalIgnoreCase))
        {
            builder.UseOrleansClient(client => client
                .UseTermSyncClient(builder.Configuration)
                .UseConnectionRetryFilter(RetryConnectAsync));
        }
        else if (mode.Equals("Silo", StringComparison.OrdinalIgnoreCase))
        {
            builder.UseOrleans(silo => silo.UseTermSyncSilo(builder.Configuration));
        }
        else
        {
            throw new InvalidOperationException($"Orleans:Mode '{mode}' is invalid; use 'Silo' to host a silo in the API process or 'Client' to connect to separate silos.");
        }

        return builder;
    }

    /// <summary>Keeps retrying while no silo is up, so the API may start before the silos.</summary>
    private static async Task<bool> RetryConnectAsync(Exception exception, CancellationToken cancellationToken)
    {
        Serilog.Log.Warning("No silo gateway answered ({Reason}); retrying in 2 seconds", exception.Message);
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        return true;
    }
}
