using Microsoft.Extensions.Options;
using Npgsql;

namespace TermSync.Api.Idempotency;

/// <summary>
/// Deletes expired Idempotency-Key rows every <see cref="IdempotencyOptions.CleanupInterval"/>. Expired
/// rows already count as absent, so a late or failed run only leaves rows longer in the table.
/// </summary>
public sealed class IdempotencyCleanupService(
    IdempotencyStore store,
    IOptions<IdempotencyOptions> options,
    TimeProvider timeProvider,
    ILogger<IdempotencyCleanupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.CleanupInterval;
        using var timer = new PeriodicTimer(interval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await DeleteExpiredAsync(interval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task DeleteExpiredAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        try
        {
            var deleted = await store.DeleteExpiredAsync(stoppingToken);
            IdempotencyLog.ExpiredDeleted(logger, deleted);
        }
        catch (NpgsqlException exception)
        {
            IdempotencyLog.CleanupFailed(logger, exception, interval.TotalMinutes);
        }
    }
}
