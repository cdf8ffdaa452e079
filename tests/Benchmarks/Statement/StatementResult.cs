using TermSync.Benchmarks.Metrics;

namespace TermSync.Benchmarks.Statement;

/// <summary>What one run of the "statement" command measured. Latencies are in microseconds.</summary>
/// <param name="ApiLoadSeconds">Time to register the target's vendors and push its invoices through the API.</param>
/// <param name="FirstLiveMicroseconds">The first API read, not counted in the rounds. The push before it has already activated the customer grain.</param>
/// <param name="FirstSqlMicroseconds">The first run of the prepared SQL query; not counted in the rounds.</param>
/// <param name="StatementBytes">Size of the API's JSON statement, in bytes.</param>
/// <param name="RowsReadDuringLive">Rows PostgreSQL read from every user table while round 1 of the API reads ran, or null when no round ran.</param>
/// <param name="Series">One result per kind of read and round, named "live", "sql" or "vendor-profile".</param>
/// <param name="Totals">The statement's totals per currency, as the API returned them.</param>
/// <param name="Plan">EXPLAIN (ANALYZE, BUFFERS) of the two SQL queries after the rounds.</param>
/// <param name="Problems">Failed checks; the figures are invalid unless this is empty.</param>
public sealed record StatementResult(
    int Invoices,
    int Seed,
    DateOnly AsOf,
    int Vendors,
    int OtherCustomers,
    string CustomerId,
    TableLoad Table,
    double ApiLoadSeconds,
    double FirstLiveMicroseconds,
    double FirstSqlMicroseconds,
    int StatementBytes,
    int WarmupReads,
    long? RowsReadDuringLive,
    IReadOnlyList<SeriesResult> Series,
    IReadOnlyList<StatementTotalView> Totals,
    string Plan,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    string LoadAtStart,
    string LoadAtEnd,
    IReadOnlyList<string> Problems);
