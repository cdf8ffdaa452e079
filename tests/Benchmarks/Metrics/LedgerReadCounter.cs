using Npgsql;

namespace TermSync.Benchmarks.Metrics;

/// <summary>
/// Counts the rows that PostgreSQL has read from a table by sequential scans and index fetches, from its cumulative
/// statistics (pg_stat_user_tables). The table is receivables_ledger by default, and a null table name counts every
/// user table. The difference across a series of requests shows whether they were served with SQL or without reading
/// the table.
/// </summary>
/// <remarks>
/// A PostgreSQL server process publishes its counts at most once a second (PGSTAT_MIN_INTERVAL in
/// src/backend/utils/activity/pgstat.c, PostgreSQL 15 and later). One that goes idle sooner after its last publish
/// publishes at the latest PGSTAT_IDLE_INTERVAL, 10 seconds, later. So <see cref="ReadSettledAsync"/> waits 11 seconds,
/// which covers every request that ended before the call.
/// </remarks>
public sealed class LedgerReadCounter(NpgsqlDataSource dataSource, string? tableName = "receivables_ledger")
{
    private const string CountSql = """
        SELECT coalesce(sum(coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0)), 0)::bigint
        FROM pg_stat_user_tables
        WHERE $1::text IS NULL OR relname = $1
        """;

    private static readonly TimeSpan PublishDelay = TimeSpan.FromSeconds(11);

    /// <summary>Returns the rows read by every request that ended before this call, after waiting for their counts.</summary>
    public async Task<long> ReadSettledAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(PublishDelay, cancellationToken);
        await using var command = dataSource.CreateCommand(CountSql);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)tableName ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return await command.ExecuteScalarAsync(cancellationToken) is long count ? count : 0;
    }
}
