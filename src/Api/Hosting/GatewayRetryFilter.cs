namespace TermSync.Api.Hosting;

/// <summary>Keeps a client-mode API retrying while no silo gateway is up, so it may start before the silos.</summary>
public sealed partial class GatewayRetryFilter(ILogger<GatewayRetryFilter> logger) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        LogGatewayUnavailable(exception.Message, RetryDelay.TotalSeconds);
        await Task.Delay(RetryDelay, cancellationToken);
        return true;
    }

    [LoggerMessage(EventId = 5000, Level = LogLevel.Warning, Message = "Connecting to a silo gateway failed ({Reason}); retrying in {DelaySeconds} seconds")]
    private partial void LogGatewayUnavailable(string reason, double delaySeconds);
}
