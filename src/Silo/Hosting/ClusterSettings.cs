using System.Net;
using Microsoft.Extensions.Configuration;

namespace TermSync.Silo.Hosting;

/// <summary>
/// Cluster settings read from the "Orleans" configuration section and the "TermSync" connection string.
/// Environment variables override them with '__' for ':' (for example Orleans__SiloPort).
/// </summary>
public sealed record ClusterSettings(
    string ConnectionString,
    string ClusterId,
    string ServiceId,
    IPAddress AdvertisedAddress,
    int SiloPort,
    int GatewayPort)
{
    /// <summary>Name of the connection string of the PostgreSQL database.</summary>
    public const string ConnectionStringName = "TermSync";

    /// <summary>
    /// Connection string used when none is configured: the local PostgreSQL that deploy/run.sh starts.
    /// Its password guards only a server that listens on 127.0.0.1.
    /// </summary>
    public const string LocalConnectionString = "Host=127.0.0.1;Port=55432;Username=termsync;Password=termsync;Database=termsync";

    /// <summary>ADO.NET invariant name of Npgsql, which the Orleans ADO.NET providers load.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>Reads the settings, with defaults for one silo on this machine.</summary>
    public static ClusterSettings From(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = LocalConnectionString;
        }

        var orleans = configuration.GetSection("Orleans");
        var address = orleans["AdvertisedAddress"] ?? "127.0.0.1";
        if (!IPAddress.TryParse(address, out var advertised))
        {
            throw new InvalidOperationException($"Orleans:AdvertisedAddress '{address}' is not an IP address; set it to the address other silos reach this one on.");
        }

        return new ClusterSettings(
            connectionString,
            orleans["ClusterId"] ?? "termsync",
            orleans["ServiceId"] ?? "termsync",
            advertised,
            orleans.GetValue("SiloPort", 11111),
            orleans.GetValue("GatewayPort", 30000));
    }
}
