using Microsoft.Extensions.Hosting;
using Serilog;
using TermSync.Silo.Hosting;
using TermSync.Silo.Schema;

namespace TermSync.Silo;

/// <summary>
/// Runs a silo, or with the argument "migrate" applies the database schema and exits. The class is
/// named apart from the API's Program so that a project referencing both can tell them apart.
/// </summary>
internal static class SiloProgram
{
    public static async Task<int> Main(string[] args)
    {
        Log.Logger = LoggingSetup.CreateBootstrapLogger();
        try
        {
            var builder = Host.CreateApplicationBuilder(args);
            if (args is ["migrate", ..])
            {
                return await SchemaCommand.RunAsync(ClusterSettings.From(builder.Configuration).ConnectionString, CancellationToken.None);
            }

            builder.Services.AddSerilog((services, logger) => logger.ApplyTermSyncDefaults(builder.Configuration, services));
            builder.UseOrleans(silo => silo.UseTermSyncSilo(builder.Configuration));
            await builder.Build().RunAsync();
            return 0;
        }
        catch (Exception exception)
        {
            Log.Fatal(exception, "The silo stopped because of an unhandled exception");
            return 1;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }
}
