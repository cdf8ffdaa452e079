namespace TermSync.Silo.Tests.Processes;

/// <summary>
/// The environment variables that put TermSync processes into one cluster on one database, named as
/// deploy/run.sh sets them.
/// </summary>
/// <param name="ClusterId">Orleans cluster id. Processes with the same id and database form one cluster.</param>
/// <param name="OutboxPath">Folder of the digest outbox of the silos.</param>
internal sealed record ClusterEnvironment(string ConnectionString, string ClusterId, string OutboxPath)
{
    /// <summary>Orleans service id, the same for every process so that they read one another's grain state.</summary>
    public const string ServiceId = "termsync-tests";

    /// <summary>The admin key of every API process, random per test run; clients send it as a Bearer credential.</summary>
    public static string AdminKey { get; } = $"test-admin-{Guid.NewGuid():N}";

    /// <summary>The base64 key that signs digest links in every process, random per test run.</summary>
    public static string LinkSigningKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>Variables of a process that hosts a silo: the standalone silo, or the API with Orleans:Mode=Silo.</summary>
    public IReadOnlyDictionary<string, string> ForSilo(SiloPorts ports) => new Dictionary<string, string>(Common())
    {
        ["Orleans__Mode"] = "Silo",
        ["Orleans__SiloPort"] = ports.Silo.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Orleans__GatewayPort"] = ports.Gateway.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Variables of an API process that joins the cluster as an Orleans client (Orleans:Mode=Client).</summary>
    public IReadOnlyDictionary<string, string> ForClient() => new Dictionary<string, string>(Common())
    {
        ["Orleans__Mode"] = "Client",
    };

    private Dictionary<string, string> Common() => new()
    {
        ["ConnectionStrings__TermSync"] = ConnectionString,
        ["Orleans__ClusterId"] = ClusterId,
        ["Orleans__ServiceId"] = ServiceId,
        ["Digests__OutboxPath"] = OutboxPath,
        ["Security__AdminKey"] = AdminKey,
        ["Digests__LinkSigningKey"] = LinkSigningKey,
    };
}

/// <summary>The two ports of a silo: silo-to-silo traffic and the gateway that clients connect to.</summary>
internal sealed record SiloPorts(int Silo, int Gateway);
