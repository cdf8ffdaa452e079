using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;
using TermSync.Benchmarks;
using TermSync.Benchmarks.DigestCycle;
using TermSync.Benchmarks.Growth;
using TermSync.Benchmarks.Ingest;
using TermSync.Benchmarks.Metrics;
using TermSync.Benchmarks.Statement;
using TermSync.Importer.Api;

// Progress and client retries go to stderr, so stdout carries only the report.
Log.Logger = new LoggerConfiguration()
    .MinimumLevel.Information()
    .WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose)
    .CreateLogger();

if (args is ["check", .. var checkedArgs])
{
    return OptionCheck.Run(checkedArgs);
}

if (args is ["digest-cycle", ..])
{
    try
    {
        return await DigestCycleCommand.RunAsync(args[1..]);
    }
    finally
    {
        await Log.CloseAndFlushAsync();
    }
}

if (args is ["growth", ..])
{
    try
    {
        return await GrowthCommand.RunAsync(args[1..]);
    }
    finally
    {
        await Log.CloseAndFlushAsync();
    }
}

if (args is ["metrics", ..])
{
    try
    {
        return await MetricsCommand.RunAsync(args[1..]);
    }
    finally
    {
        await Log.CloseAndFlushAsync();
    }
}

if (args is ["statement", ..])
{
    try
    {
        return await StatementCommand.RunAsync(args[1..]);
    }
    finally
    {
        await Log.CloseAndFlushAsync();
    }
}

if (args is not ["ingest", ..])
{
    Console.Error.WriteLine(Driver.Usage);
    return args is ["--help"] ? 0 : 2;
}

if (args.Contains("--help"))
{
    Console.Error.WriteLine(IngestOptions.Usage);
    return 0;
}

IngestOptions options;
IngestWorkload workload;
try
{
    options = IngestOptions.Parse(args[1..]);
    workload = IngestWorkload.Create(options);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, eventArgs) =>
{
    eventArgs.Cancel = true;
    cancellation.Cancel();
};

try
{
    using var loggerFactory = new SerilogLoggerFactory(Log.Logger);
    using var requests = new RequestCountingHandler(new SocketsHttpHandler());
    // A loaded machine can take minutes for a batch, and a timeout would turn into a retry that skews the figures.
    using var http = new HttpClient(requests, disposeHandler: false) { BaseAddress = options.Api, Timeout = TimeSpan.FromMinutes(5) };
    if (Environment.GetEnvironmentVariable("TERMSYNC_API_KEY") is { Length: > 0 } apiKey)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    }

    var client = new TermSyncClient(http, logger: loggerFactory.CreateLogger<TermSyncClient>());
    var benchmark = new IngestBenchmark(client, new IngestVerifier(http), requests, Console.Error);
    var report = await benchmark.RunAsync(options, workload, cancellation.Token);

    var markdown = report.ToMarkdown();
    Console.Out.Write(markdown);
    if (options.MarkdownPath is not null)
    {
        await File.WriteAllTextAsync(options.MarkdownPath, markdown, cancellation.Token);
    }

    foreach (var problem in report.Problems)
    {
        Console.Error.WriteLine($"error: {problem}");
    }

    return report.Problems.Count == 0 ? 0 : 1;
}
catch (TermSyncApiException exception)
{
    Console.Error.WriteLine($"error: {exception.Message}");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}
