using Npgsql;

namespace TermSync.Benchmarks.Statement;

/// <summary>
/// Computes a customer's statement from the invoices table as a conventional AR system would, in one round trip with two
/// queries. The first returns the open invoices with their vendor names in statement order. The second returns the
/// totals per currency of each vendor and of the whole statement. Both read the partial index of open invoices by customer.
/// </summary>
/// <remarks>
/// The statements are prepared once on one open connection, the best case for SQL. Past due means a due date before the
/// as-of date, and the past-due amount counts what is owed and not disputed, as the API computes it.
/// </remarks>
public sealed class StatementQuery : IAsyncDisposable
{
    private const string LinesSql = """
        SELECT i.vendor_id, v.name, i.invoice_number, i.currency, i.amount, i.open_amount, i.disputed_amount, i.issue_date, i.due_date
        FROM invoices i
        JOIN vendors v ON v.vendor_id = i.vendor_id
        WHERE i.customer_id = $1 AND i.status = 'open'
        ORDER BY v.name, i.due_date, i.invoice_number
        """;

    private const string TotalsSql = """
        SELECT vendor_id, currency, count(*)::int, sum(open_amount),
               coalesce(sum(open_amount - disputed_amount) FILTER (WHERE due_date < $2), 0), sum(disputed_amount)
        FROM invoices
        WHERE customer_id = $1 AND status = 'open'
        GROUP BY GROUPING SETS ((vendor_id, currency), (currency))
        """;

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlBatch _batch;

    private StatementQuery(NpgsqlConnection connection, NpgsqlBatch batch)
    {
        _connection = connection;
        _batch = batch;
    }

    /// <summary>Opens a connection and prepares the two queries for <paramref name="customerId"/> on <paramref name="asOf"/>.</summary>
    public static async Task<StatementQuery> PrepareAsync(NpgsqlDataSource dataSource, string customerId, DateOnly asOf, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(LinesSql) { Parameters = { new() { Value = customerId } } },
                new NpgsqlBatchCommand(TotalsSql) { Parameters = { new() { Value = customerId }, new() { Value = asOf } } },
            },
        };
        await batch.PrepareAsync(cancellationToken);
        return new StatementQuery(connection, batch);
    }

    /// <summary>Runs both queries and reads every row into a <see cref="StatementView"/>.</summary>
    public async Task<StatementView> ReadAsync(CancellationToken cancellationToken)
    {
        var lines = new List<StatementLineView>();
        var totals = new List<StatementTotalView>();
        await using var reader = await _batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(new StatementLineView(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetDecimal(4),
                reader.GetDecimal(5),
                reader.GetDecimal(6),
                reader.GetFieldValue<DateOnly>(7),
                reader.GetFieldValue<DateOnly>(8)));
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            totals.Add(new StatementTotalView(
                reader.IsDBNull(0) ? null : reader.GetString(0),
                reader.GetString(1),
                reader.GetInt32(2),
                reader.GetDecimal(3),
                reader.GetDecimal(4),
                reader.GetDecimal(5)));
        }

        return new StatementView(lines, totals);
    }

    /// <summary>Returns the query plans of both queries, as EXPLAIN (ANALYZE, BUFFERS) prints them, for the results file.</summary>
    public async Task<string> ExplainAsync(string customerId, DateOnly asOf, CancellationToken cancellationToken)
    {
        var plans = new List<string>();
        foreach (var sql in new[] { LinesSql, TotalsSql })
        {
            await using var command = new NpgsqlCommand($"EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) {sql}", _connection);
            command.Parameters.Add(new NpgsqlParameter { Value = customerId });
            if (sql == TotalsSql)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = asOf });
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                plans.Add(reader.GetString(0));
            }

            plans.Add("");
        }

        return string.Join('\n', plans).TrimEnd();
    }

    public async ValueTask DisposeAsync()
    {
        await _batch.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
