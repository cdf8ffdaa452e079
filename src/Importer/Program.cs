using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;
using TermSync.Importer.Cli;

// Logs go to stderr so that stdout carries only the one-line summary.
Log.Logger = new LoggerConfiguration()
    .MinimumLevel.Information()
    .WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose)
    .CreateLogger();

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, eventArgs) =>
{
    eventArgs.Cancel = true;
    cancellation.Cancel();
};

try
{
    using var loggerFactory = new SerilogLoggerFactory(Log.Logger);
    return await ImportRunner.RunAsync(args, Console.Out, loggerFactory, cancellation.Token);
}
finally
{
    await Log.CloseAndFlushAsync();
}
