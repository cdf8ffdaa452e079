using TermSync.Metrics;

namespace TermSync.Grains.Tests.Metrics;

/// <summary>
/// Seeded random invoice histories that follow every rule of <see cref="InvoiceHistory"/>: partial payments, reversals,
/// credit notes, write-offs, voids, questions and back-dated entries, spread over a few months so that they overlap.
/// </summary>
internal sealed class RandomHistories(int seed)
{
    private static readonly DateOnly Start = new(2026, 1, 1);

    private readonly Random _random = new(seed);

    public InvoiceHistory Next(string vendorId, string invoiceNumber, string currency = "USD")
    {
        var issued = Start.AddDays(_random.Next(0, 240));
        var due = issued.AddDays(_random.Next(0, 4) * 15);
        var amount = _random.Next(1, 5000) * 10m + (_random.Next(0, 100) / 100m);
        var entries = new List<InvoiceEntry>();
        var queriedOn = _random.Next(0, 6) == 0 ? issued.AddDays(_random.Next(0, 40)) : (DateOnly?)null;

        if (_random.Next(0, 12) == 0)
        {
            entries.Add(new InvoiceEntry(InvoiceEntryKind.Void, issued.AddDays(_random.Next(0, 30)), 0m));
            return new InvoiceHistory(vendorId, invoiceNumber, "customer-" + _random.Next(0, 5), currency, issued, due, amount, entries, queriedOn);
        }

        var open = amount;
        var paidByDate = new List<(DateOnly Date, decimal Amount)>();
        var day = issued;
        for (var step = _random.Next(0, 4); step > 0 && open > 0m; step--)
        {
            day = day.AddDays(_random.Next(0, 60));
            var kind = _random.Next(0, 10);
            if (kind < 6)
            {
                var paid = _random.Next(0, 2) == 0 ? open : Math.Round(open * _random.Next(10, 90) / 100m, 2);
                if (paid > 0m)
                {
                    entries.Add(new InvoiceEntry(InvoiceEntryKind.Payment, day, paid));
                    paidByDate.Add((day, paid));
                    open -= paid;
                }
            }
            else if (kind < 8 && paidByDate.Count > 0)
            {
                var (paidOn, paid) = paidByDate[_random.Next(0, paidByDate.Count)];
                var reversedOn = paidOn.AddDays(_random.Next(0, 20));
                entries.Add(new InvoiceEntry(InvoiceEntryKind.PaymentReversal, reversedOn, paid));
                paidByDate.Remove((paidOn, paid));
                open += paid;
            }
            else
            {
                var credited = Math.Round(open * _random.Next(10, 100) / 100m, 2);
                if (credited > 0m)
                {
                    entries.Add(new InvoiceEntry(InvoiceEntryKind.CreditNote, day, credited));
                    open -= credited;
                }
            }
        }

        if (_random.Next(0, 10) == 0)
        {
            entries.Add(new InvoiceEntry(InvoiceEntryKind.WriteOff, day.AddDays(_random.Next(0, 90)), 0m));
        }

        // Posted in any order, as vendors do with back-dated entries.
        var shuffled = entries.OrderBy(_ => _random.Next()).ToList();
        return new InvoiceHistory(vendorId, invoiceNumber, "customer-" + _random.Next(0, 5), currency, issued, due, amount, shuffled, queriedOn);
    }
}
