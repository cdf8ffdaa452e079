using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Events;

namespace TermSync.Silo.Hosting;

public static class LoggingSetup
{
    /// <summary>Creates the logger used until the host has read its configuration.</summary>
    public static Serilog.ILogger CreateBootstrapLogger() =>
        new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();

    /// <summary>
    /// Configures Serilog from the "Serilog" configuration section on top of TermSync's defaults: Information,
    /// with the chatty Orleans, Polly and ASP.NET Core categories at Warning.
    /// </summary>
    public static LoggerConfiguration ApplyTermSyncDefaults(this LoggerConfiguration logger, IConfiguration configuration, IServiceProvider services) =>
        logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Orleans", LogEventLevel.Warning)
            .MinimumLevel.Override("Polly", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .ReadFrom.Configuration(configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
}
