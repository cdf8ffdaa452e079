using TermSync.Importer.Ledger;

namespace TermSync.Importer.Tests.Ledger;

/// <summary>Builds ledger rows for tests from the CSV text of their data lines.</summary>
internal static class LedgerRows
{
    private const string Header =
        "countryCode,customerID,PaperlessDate,invoiceNumber,InvoiceDate,DueDate,InvoiceAmount,Disputed,SettledDate,PaperlessBill,DaysToSettle,DaysLate";

    public static IReadOnlyList<LedgerRow> Parse(params string[] lines) =>
        LedgerReader.Read(new StringReader(Header + "\n" + string.Join("\n", lines) + "\n"));
}
