using Npgsql;

namespace TermSync.Benchmarks.Metrics;

/// <summary>
/// Counts the rows of receivables_ledger that PostgreSQL has read, by sequential scans and index fetches, from its
/// cumulative statistics (pg_stat_user_tables). The difference across a series of requests shows whether they were
/// served from the ledger with SQL or without reading it.
/// </summary>
/// <remarks>
/// Since PostgreSQL 15, a server process publishes its counts after a transaction at most once a second, and when it
/// goes idle it sets a timer for the rest of that second (PGSTAT_MIN_INTERVAL in src/backend/utils/activity/pgstat.c).
/// So <see cref="ReadSettledAsync"/> waits 2 seconds, then until two reads 1.5 seconds apart agree.
/// </remarks>
public sealed class LedgerReadCounter(NpgsqlDataSource dataSource)
{
    private const string CountSql = """
        SELECT coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0)
        FROM pg_stat_user_tables
        WHERE relname = 'receivables_ledger'
        """;

    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(15);

    /// <summary>Returns the rows read so far, once the count has stopped changing or after 15 seconds.</summary>
    public async Task<long> ReadSettledAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + MaxWait;
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        var previous = await ReadAsync(cancellationToken);
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5), cancellationToken);
            var current = await ReadAsync(cancellationToken);
            if (current == previous)
            {
                return current;
            }

            previous = current;
        }

        return previous;
    }

    private async Task<long> ReadAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(CountSql);
        return await command.ExecuteScalarAsync(cancellationToken) is long count ? count : 0;
    }
}
