namespace TermSync.Api.Security;

/// <summary>
/// Endpoint metadata of a response that contains a secret, such as a new API key. The Idempotency-Key middleware
/// neither stores nor replays such a response, so the secret is never written to the database or shown twice.
/// </summary>
public sealed class SecretResponseMetadata
{
    public static SecretResponseMetadata Instance { get; } = new();

    private SecretResponseMetadata()
    {
    }
}
