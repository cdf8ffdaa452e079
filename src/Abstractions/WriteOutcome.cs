namespace TermSync;

/// <summary>What an idempotent write did.</summary>
[GenerateSerializer, Alias("termsync.WriteOutcome")]
public enum WriteOutcome
{
    /// <summary>The entity did not exist and was created.</summary>
    Created = 0,

    /// <summary>The entity existed and was changed.</summary>
    Updated = 1,

    /// <summary>The request repeated the stored data, so nothing was written.</summary>
    Unchanged = 2,
}
