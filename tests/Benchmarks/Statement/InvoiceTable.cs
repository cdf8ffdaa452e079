using Npgsql;
using NpgsqlTypes;

namespace TermSync.Benchmarks.Statement;

/// <summary>
/// The plain invoices table of a conventional accounts-receivable system, with its vendors table, written by one binary
/// COPY. Its partial index leads with customer_id, holds only open invoices and includes every column the statement
/// query reads, so the query is an index-only scan.
/// </summary>
public static class InvoiceTable
{
    private const string CreateSql = """
        DROP TABLE IF EXISTS invoices, vendors;
        CREATE TABLE vendors (
            vendor_id text PRIMARY KEY,
            name text NOT NULL);
        CREATE TABLE invoices (
            vendor_id text NOT NULL,
            invoice_number text NOT NULL,
            customer_id text NOT NULL,
            currency char(3) NOT NULL,
            amount numeric(19, 4) NOT NULL,
            open_amount numeric(19, 4) NOT NULL,
            disputed_amount numeric(19, 4) NOT NULL,
            issue_date date NOT NULL,
            due_date date NOT NULL,
            status text NOT NULL);
        """;

    private const string IndexSql = """
        ALTER TABLE invoices ADD PRIMARY KEY (vendor_id, invoice_number);
        CREATE INDEX invoices_open_by_customer ON invoices (customer_id, vendor_id, due_date, invoice_number)
            INCLUDE (currency, amount, open_amount, disputed_amount, issue_date)
            WHERE status = 'open';
        """;

    private const string CopySql = """
        COPY invoices (vendor_id, invoice_number, customer_id, currency, amount, open_amount, disputed_amount, issue_date, due_date, status)
        FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>Drops and creates both tables, copies the network into them, then builds the indexes and runs VACUUM (ANALYZE).</summary>
    /// <returns>The time of each step.</returns>
    public static async Task<TableLoad> LoadAsync(NpgsqlDataSource dataSource, StatementNetwork network, TextWriter progress, CancellationToken cancellationToken)
    {
        await ExecuteAsync(dataSource, CreateSql, cancellationToken);
        await CopyVendorsAsync(dataSource, network, cancellationToken);

        var started = TimeProvider.System.GetTimestamp();
        var rows = await CopyInvoicesAsync(dataSource, network, progress, cancellationToken);
        var copy = TimeProvider.System.GetElapsedTime(started);
        await progress.WriteLineAsync($"Copied {rows:N0} invoices in {copy.TotalSeconds:F1} s.");

        started = TimeProvider.System.GetTimestamp();
        await ExecuteAsync(dataSource, IndexSql, cancellationToken);
        var index = TimeProvider.System.GetElapsedTime(started);

        // VACUUM sets the visibility map, as autovacuum would after a bulk load, so the index-only scan skips the table.
        started = TimeProvider.System.GetTimestamp();
        await ExecuteAsync(dataSource, "VACUUM (ANALYZE) vendors, invoices", cancellationToken);
        var vacuum = TimeProvider.System.GetElapsedTime(started);

        await using var size = dataSource.CreateCommand("SELECT pg_table_size('invoices'), pg_relation_size('invoices_open_by_customer')");
        await using var reader = await size.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new TableLoad((long)rows, copy.TotalSeconds, index.TotalSeconds, vacuum.TotalSeconds, reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task CopyVendorsAsync(NpgsqlDataSource dataSource, StatementNetwork network, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var writer = await connection.BeginBinaryImportAsync("COPY vendors (vendor_id, name) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var vendor in network.Vendors)
        {
            await writer.WriteRowAsync(cancellationToken, vendor.Id, vendor.Name);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task<ulong> CopyInvoicesAsync(NpgsqlDataSource dataSource, StatementNetwork network, TextWriter progress, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var writer = await connection.BeginBinaryImportAsync(CopySql, cancellationToken);
        var progressStep = Math.Max(1, network.Invoices / 10);
        var written = 0;
        foreach (var invoice in network.AllInvoices())
        {
            writer.StartRow();
            writer.Write(invoice.VendorId, NpgsqlDbType.Text);
            writer.Write(invoice.InvoiceNumber, NpgsqlDbType.Text);
            writer.Write(invoice.CustomerId, NpgsqlDbType.Text);
            writer.Write(invoice.Currency, NpgsqlDbType.Char);
            writer.Write(invoice.Amount, NpgsqlDbType.Numeric);
            writer.Write(invoice.OpenAmount, NpgsqlDbType.Numeric);
            writer.Write(invoice.DisputedAmount, NpgsqlDbType.Numeric);
            writer.Write(invoice.IssueDate, NpgsqlDbType.Date);
            writer.Write(invoice.DueDate, NpgsqlDbType.Date);
            writer.Write(invoice.Status, NpgsqlDbType.Text);
            if (++written % progressStep == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await progress.WriteLineAsync($"Copied {written:N0} of {network.Invoices:N0} invoices.");
            }
        }

        return await writer.CompleteAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>What <see cref="InvoiceTable.LoadAsync"/> wrote and how long each step took.</summary>
/// <param name="TableBytes">Size of the invoices table without its indexes.</param>
/// <param name="IndexBytes">Size of the partial index of open invoices by customer.</param>
public sealed record TableLoad(long Rows, double CopySeconds, double IndexSeconds, double VacuumSeconds, long TableBytes, long IndexBytes);
