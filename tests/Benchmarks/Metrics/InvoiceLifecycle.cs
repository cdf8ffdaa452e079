using TermSync.Grains.Ledger;

namespace TermSync.Benchmarks.Metrics;

/// <summary>
/// Draws what happens to one invoice after its issue and appends the ledger rows the invoice and conversation grains
/// would write for it. The mix, in shares of all invoices:
/// <list type="bullet">
/// <item>1 % voided within 10 days of issue, with nothing paid, as the invoice grain requires;</item>
/// <item>1 % amended once right after issue by up to ±10 %, so the amendment is version 2;</item>
/// <item>3 % partly credited (5 to 30 %) and 0.5 % fully credited by a credit note;</item>
/// <item>4 % never paid, and 1.5 % written off 120 to 300 days after the due date, a third of them after a part payment;</item>
/// <item>the rest paid: 55 % of them by the due date, 30 % 1 to 30 days late, 10 % 31 to 90 days late and 5 % later;
/// 12 % of them in two installments, and 0.4 % with the first payment reversed and paid again;</item>
/// <item>6 % queried by the customer within 25 days of issue, 15 % of those a second time.</item>
/// </list>
/// 30 % of payments are recorded 1 to 3 days after their date, as back-dated payments are. An entry dated or recorded
/// after the last date is left out with every later entry of the invoice, so recent invoices stay open.
/// </summary>
internal static class InvoiceLifecycle
{
    public static void AppendRows(List<GeneratedRow> rows, int index, GeneratedInvoice invoice, long issuedMinorUnits, int lastDay, ref int creditNoteCounter, Random random)
    {
        var events = new List<GeneratedRow> { Row(LedgerEntryKind.Issued, 0, invoice.IssueDay, 0, issuedMinorUnits) };
        if (random.NextDouble() < 0.01)
        {
            events.Add(Row(LedgerEntryKind.Void, 0, invoice.IssueDay + random.Next(1, 11), 0, 0));
            Record(rows, events, lastDay);
            return;
        }

        var total = issuedMinorUnits;
        if (random.NextDouble() < 0.01)
        {
            var delta = Math.Max(1, total * random.Next(1, 11) / 100) * (random.Next(2) == 0 ? -1 : 1);
            total += delta;
            events.Add(Row(LedgerEntryKind.AmountAdjusted, 2, invoice.IssueDay, random.Next(1, 6), delta));
        }

        AppendMoneyEvents(events, invoice, total, ref creditNoteCounter, random);
        AppendQueries(events, invoice, random);
        Record(rows, events, lastDay);

        GeneratedRow Row(LedgerEntryKind kind, int tag, int day, int lagDays, long minorUnits) => new(index, kind, tag, day, day + lagDays, minorUnits);
    }

    /// <summary>Appends credits, payments, reversals and write-offs in date order, each no larger than what is open on its date.</summary>
    private static void AppendMoneyEvents(List<GeneratedRow> events, GeneratedInvoice invoice, long total, ref int creditNoteCounter, Random random)
    {
        var index = events[0].Invoice;
        var open = total;
        var earliest = invoice.IssueDay;
        var credit = random.NextDouble();
        if (credit < 0.035)
        {
            var amount = credit < 0.005 ? open : Math.Max(1, open * random.Next(5, 31) / 100);
            earliest = invoice.IssueDay + random.Next(3, 41);
            events.Add(new GeneratedRow(index, LedgerEntryKind.Credit, ++creditNoteCounter, earliest, earliest, amount));
            open -= amount;
            if (open == 0)
            {
                return;
            }
        }

        var behaviour = random.NextDouble();
        if (behaviour < 0.04)
        {
            return;
        }

        if (behaviour < 0.055)
        {
            if (random.Next(3) == 0)
            {
                var partDay = Math.Max(earliest, invoice.DueDay + random.Next(0, 31));
                var part = Math.Max(1, open * random.Next(20, 61) / 100);
                events.Add(Payment(index, 1, partDay, part, random));
                open -= part;
            }

            var writeOffDay = invoice.DueDay + random.Next(120, 301);
            events.Add(new GeneratedRow(index, LedgerEntryKind.WriteOff, 0, writeOffDay, writeOffDay, open));
            return;
        }

        var lateness = random.NextDouble() switch
        {
            < 0.55 => random.Next(-20, 1),
            < 0.85 => random.Next(1, 31),
            < 0.95 => random.Next(31, 91),
            _ => random.Next(91, 181),
        };
        var paidOn = Math.Max(earliest, Math.Max(invoice.IssueDay + 1, invoice.DueDay + lateness));
        long[] installments = [open];
        if (open >= 2 && random.NextDouble() < 0.12)
        {
            var first = Math.Clamp(open * random.Next(30, 71) / 100, 1, open - 1);
            installments = [first, open - first];
        }

        if (random.NextDouble() < 0.004)
        {
            var reversedOn = paidOn + random.Next(3, 11);
            events.Add(Payment(index, 1, paidOn, installments[0], random));
            events.Add(new GeneratedRow(index, LedgerEntryKind.PaymentReversal, 1, reversedOn, reversedOn, installments[0]));
            events.Add(Payment(index, 2, reversedOn + random.Next(5, 21), open, random));
            return;
        }

        for (var installment = 0; installment < installments.Length; installment++)
        {
            events.Add(Payment(index, installment + 1, paidOn, installments[installment], random));
            paidOn += random.Next(7, 46);
        }
    }

    private static GeneratedRow Payment(int index, int installment, int paidOn, long minorUnits, Random random)
    {
        var lagDays = random.NextDouble() < 0.3 ? random.Next(1, 4) : 0;
        return new GeneratedRow(index, LedgerEntryKind.Payment, installment, paidOn, paidOn + lagDays, minorUnits);
    }

    private static void AppendQueries(List<GeneratedRow> events, GeneratedInvoice invoice, Random random)
    {
        if (random.NextDouble() >= 0.06)
        {
            return;
        }

        var index = events[0].Invoice;
        var openedOn = invoice.IssueDay + random.Next(1, 26);
        events.Add(new GeneratedRow(index, LedgerEntryKind.Queried, 1, openedOn, openedOn, 0));
        if (random.NextDouble() < 0.15)
        {
            openedOn += random.Next(10, 41);
            events.Add(new GeneratedRow(index, LedgerEntryKind.Queried, 2, openedOn, openedOn, 0));
        }
    }

    /// <summary>
    /// Appends the events in date order, the issue first, with recorded days that never decrease. It stops at the first
    /// event dated or recorded after <paramref name="lastDay"/>, because the entries after it depend on it.
    /// </summary>
    private static void Record(List<GeneratedRow> rows, List<GeneratedRow> events, int lastDay)
    {
        var ordered = events.Select((row, position) => (row, position)).OrderBy(pair => pair.row.BusinessDay).ThenBy(pair => pair.position);
        var recordedDay = int.MinValue;
        foreach (var (row, _) in ordered)
        {
            recordedDay = Math.Max(recordedDay, row.RecordedDay);
            if (row.BusinessDay > lastDay || recordedDay > lastDay)
            {
                return;
            }

            rows.Add(row with { RecordedDay = recordedDay });
        }
    }
}
