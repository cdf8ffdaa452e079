using System.Text.RegularExpressions;
using Npgsql;

namespace TermSync.Benchmarks.Ingest;

/// <summary>One statement's share of the database time between two snapshots of pg_stat_statements.</summary>
/// <param name="Query">Normalized statement text with whitespace collapsed, as pg_stat_statements stores it.</param>
/// <param name="TotalMilliseconds">Execution time of all its calls, planning excluded.</param>
public sealed record StatementTotal(string Query, long Calls, double TotalMilliseconds)
{
    public double MeanMilliseconds => Calls == 0 ? 0 : TotalMilliseconds / Calls;
}

/// <summary>
/// The statements of the TermSync database between two snapshots, most execution time first, or the reason
/// pg_stat_statements could not be read.
/// </summary>
/// <param name="AllMilliseconds">Execution time of every statement in the interval, the listed ones included.</param>
public sealed record StatementProfile(IReadOnlyList<StatementTotal> Top, double AllMilliseconds, string? Unavailable)
{
    public static StatementProfile NotRead(string reason) => new([], 0, reason);
}

/// <summary>
/// Reads pg_stat_statements for the current database, without its own snapshot query. The extension needs the server to preload the library
/// (shared_preload_libraries) and needs CREATE EXTENSION pg_stat_statements in the database. Snapshots are compared
/// instead of calling pg_stat_statements_reset(), which only a superuser may call by default.
/// </summary>
public sealed partial class StatementStatistics(NpgsqlDataSource dataSource)
{
    private const string SnapshotSql = """
        SELECT queryid, userid, query, calls, total_exec_time
        FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND query NOT LIKE '%FROM pg_stat_statements%'
        """;

    /// <summary>Reads the counters of every statement, or returns null with the reason when pg_stat_statements is not available.</summary>
    public async Task<(Dictionary<(long QueryId, uint UserId), StatementTotal>? Snapshot, string? Unavailable)> SnapshotAsync(CancellationToken cancellationToken)
    {
        try
        {
            var snapshot = new Dictionary<(long, uint), StatementTotal>();
            await using var command = dataSource.CreateCommand(SnapshotSql);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                // queryid is null for statements of other users, whose text the termsync role may not read.
                if (await reader.IsDBNullAsync(0, cancellationToken))
                {
                    continue;
                }

                var query = Whitespace().Replace(reader.GetString(2), " ").Trim();
                snapshot[(reader.GetInt64(0), reader.GetFieldValue<uint>(1))] = new StatementTotal(query, reader.GetInt64(3), reader.GetDouble(4));
            }

            return (snapshot, null);
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.ObjectNotInPrerequisiteState)
        {
            return (null, $"pg_stat_statements could not be read: {exception.MessageText}. Start the benchmark's PostgreSQL with TERMSYNC_POSTGRES_STAT_STATEMENTS=on, which deploy/bench.sh sets, on a server that was not running before.");
        }
    }

    /// <summary>Returns the <paramref name="count"/> statements with the most execution time between the two snapshots.</summary>
    public static StatementProfile Compare(
        Dictionary<(long QueryId, uint UserId), StatementTotal> before, Dictionary<(long QueryId, uint UserId), StatementTotal> after, int count)
    {
        var changes = after
            .Select(entry => before.TryGetValue(entry.Key, out var earlier)
                ? entry.Value with { Calls = entry.Value.Calls - earlier.Calls, TotalMilliseconds = entry.Value.TotalMilliseconds - earlier.TotalMilliseconds }
                : entry.Value)
            .Where(change => change.Calls > 0)
            .ToList();
        var top = changes.OrderByDescending(change => change.TotalMilliseconds).Take(count).ToList();
        return new StatementProfile(top, changes.Sum(change => change.TotalMilliseconds), null);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
