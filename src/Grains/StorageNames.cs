namespace TermSync.Grains;

/// <summary>Names of the grain storage providers the silo must register.</summary>
public static class StorageNames
{
    /// <summary>The storage of all TermSync grain state: PostgreSQL in a deployed silo.</summary>
    public const string Default = "termsync";

    /// <summary>The storage Orleans streams keep their subscriptions in; Orleans looks it up by this name.</summary>
    public const string PubSub = "PubSubStore";
}
