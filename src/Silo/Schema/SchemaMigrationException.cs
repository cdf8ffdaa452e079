namespace TermSync.Silo.Schema;

/// <summary>
/// Raised when the embedded migrations are invalid or do not match what the database has recorded,
/// for example when an applied file was edited afterwards. The message names the file and the fix.
/// </summary>
public sealed class SchemaMigrationException : Exception
{
    public SchemaMigrationException(string message)
        : base(message)
    {
    }

    public SchemaMigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
