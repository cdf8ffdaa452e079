using Serilog;
using TermSync.Api.Hosting;
using TermSync.Silo.Hosting;

Log.Logger = LoggingSetup.CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddTermSyncLogging();
    builder.AddTermSyncCluster();
    builder.Services.AddTermSyncApi();

    var app = builder.Build();
    app.UseTermSyncApi();
    await app.RunAsync();
}
catch (Exception exception) when (exception is not HostAbortedException)
{
    Log.Fatal(exception, "The API stopped because of an unhandled exception");
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Entry point, public so that tests can host the API with WebApplicationFactory.</summary>
public partial class Program;
