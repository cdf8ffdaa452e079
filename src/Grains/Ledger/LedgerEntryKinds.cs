namespace TermSync.Grains.Ledger;

/// <summary>Converts <see cref="LedgerEntryKind"/> to and from the text of the entry_kind column.</summary>
public static class LedgerEntryKinds
{
    private static readonly Dictionary<LedgerEntryKind, string> Columns = new()
    {
        [LedgerEntryKind.Issued] = "issued",
        [LedgerEntryKind.AmountAdjusted] = "amount-adjusted",
        [LedgerEntryKind.Payment] = "payment",
        [LedgerEntryKind.PaymentReversal] = "payment-reversal",
        [LedgerEntryKind.Credit] = "credit",
        [LedgerEntryKind.WriteOff] = "write-off",
        [LedgerEntryKind.Void] = "void",
        [LedgerEntryKind.Queried] = "queried",
    };

    private static readonly Dictionary<string, LedgerEntryKind> Kinds = Columns.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static string ToColumn(LedgerEntryKind kind) => Columns[kind];

    /// <exception cref="ArgumentException"><paramref name="column"/> is not a known entry kind.</exception>
    public static LedgerEntryKind FromColumn(string column) =>
        Kinds.TryGetValue(column, out var kind)
            ? kind
            : throw new ArgumentException($"Unknown ledger entry kind '{column}'. Expected one of: {string.Join(", ", Kinds.Keys)}.", nameof(column));
}
