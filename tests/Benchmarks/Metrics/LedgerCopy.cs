using Npgsql;
using NpgsqlTypes;
using TermSync.Grains.Ledger;

namespace TermSync.Benchmarks.Metrics;

/// <summary>
/// Writes a generated network into the receivables_ledger table with one binary COPY, in the columns and formats that
/// <c>PostgresReceivablesLedger</c> inserts. That writer leaves recorded_at to the column default, the time of the
/// insert. Here it is noon UTC of each row's recorded day, as in a ledger written over the two years the rows cover.
/// </summary>
public static class LedgerCopy
{
    private const string CopySql = """
        COPY receivables_ledger
            (vendor_id, invoice_number, customer_id, currency, issue_date, due_date, entry_kind, entry_key, business_date, amount, recorded_at)
        FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>Returns how many rows receivables_ledger contains.</summary>
    public static async Task<long> CountRowsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM receivables_ledger");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Copies every row of <paramref name="ledger"/> in append order and returns the number of rows written.</summary>
    public static async Task<ulong> WriteAsync(NpgsqlDataSource dataSource, GeneratedLedger ledger, TextWriter progress, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var writer = await connection.BeginBinaryImportAsync(CopySql, cancellationToken);
        var customerIds = new Dictionary<int, string>();
        var progressStep = Math.Max(1, ledger.Rows.Count / 10);
        for (var position = 0; position < ledger.Rows.Count; position++)
        {
            var row = ledger.Rows[position];
            var invoice = ledger.Invoices[row.Invoice];
            var vendor = ledger.Vendors[invoice.Vendor];
            if (!customerIds.TryGetValue(invoice.Customer, out var customerId))
            {
                customerId = GeneratedLedger.CustomerId(invoice.Customer);
                customerIds.Add(invoice.Customer, customerId);
            }

            writer.StartRow();
            writer.Write(vendor.Id, NpgsqlDbType.Text);
            writer.Write(GeneratedLedger.InvoiceNumber(invoice), NpgsqlDbType.Text);
            writer.Write(customerId, NpgsqlDbType.Text);
            writer.Write(vendor.Currency, NpgsqlDbType.Text);
            writer.Write(DateOnly.FromDayNumber(invoice.IssueDay), NpgsqlDbType.Date);
            writer.Write(DateOnly.FromDayNumber(invoice.DueDay), NpgsqlDbType.Date);
            writer.Write(LedgerEntryKinds.ToColumn(row.Kind), NpgsqlDbType.Text);
            writer.Write(ledger.EntryKey(row), NpgsqlDbType.Text);
            writer.Write(DateOnly.FromDayNumber(row.BusinessDay), NpgsqlDbType.Date);
            writer.Write(ledger.Amount(row), NpgsqlDbType.Numeric);
            writer.Write(RecordedAt(row.RecordedDay), NpgsqlDbType.TimestampTz);
            if ((position + 1) % progressStep == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await progress.WriteLineAsync($"Copied {position + 1:N0} of {ledger.Rows.Count:N0} rows.");
            }
        }

        return await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>Runs VACUUM (ANALYZE) on the table, as autovacuum would after a bulk load, so the planner has statistics and the visibility map is set.</summary>
    public static async Task VacuumAnalyzeAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("VACUUM (ANALYZE) receivables_ledger");
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Returns the size of the table with its indexes, in bytes.</summary>
    public static async Task<long> TotalSizeAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT pg_total_relation_size('receivables_ledger')");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static DateTime RecordedAt(int day) => DateOnly.FromDayNumber(day).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
}
