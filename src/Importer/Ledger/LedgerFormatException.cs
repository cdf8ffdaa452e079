namespace TermSync.Importer.Ledger;

/// <summary>
/// Raised when a ledger file does not have the expected columns or a value cannot be parsed.
/// The message names the line, the column, the value and the expected format.
/// </summary>
public sealed class LedgerFormatException : Exception
{
    /// <summary>Creates the exception with a message that names the offending line and value.</summary>
    public LedgerFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public LedgerFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
