using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Serilog;
using TermSync.Silo.Hosting;
using TermSync.Silo.Schema;

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
