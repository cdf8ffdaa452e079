namespace TermSync.Api.Idempotency;

/// <summary>Settings of the Idempotency-Key handling, read from the "Idempotency" configuration section.</summary>
public sealed class IdempotencyOptions
{
    /// <summary>The configuration section of these settings.</summary>
    public const string SectionName = "Idempotency";

    /// <summary>The shortest allowed <see cref="Retention"/>: the API promises clients 24 hours.</summary>
    public static readonly TimeSpan MinRetention = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a key is honored after its first use; 24 hours by default and never less. After that
    /// the same key starts a new request, and a background service deletes the stored response.
    /// </summary>
    public TimeSpan Retention { get; set; } = MinRetention;

    /// <summary>
    /// How long a request may stay in progress before a retry with the same key and request may take
    /// it over; 5 minutes by default. A claim this old is taken to belong to a process that stopped
    /// before it could store the response or release the claim. Set it above the longest request.
    /// </summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the API deletes expired keys; 10 minutes by default.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(10);
}
