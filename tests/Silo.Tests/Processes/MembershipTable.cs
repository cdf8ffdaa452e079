using System.Text;
using Npgsql;

namespace TermSync.Silo.Tests.Processes;

/// <summary>Reads the Orleans membership rows of one cluster from the orleans_membership table.</summary>
internal sealed class MembershipTable(string connectionString, string clusterId)
{
    /// <summary>Orleans.Runtime.SiloStatus.Active as stored in the status column.</summary>
    public const int ActiveStatus = 3;

    /// <summary>Orleans.Runtime.SiloStatus.Dead as stored in the status column.</summary>
    public const int DeadStatus = 6;

    /// <summary>Counts the silos of the cluster whose row is Active.</summary>
    public async Task<int> CountActiveAsync(CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(cancellationToken);
        return rows.Count(row => row.Status == ActiveStatus);
    }

    /// <summary>Returns the status of the newest generation on a silo port, or null when no silo has joined on it.</summary>
    public async Task<int?> GetStatusAsync(int siloPort, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(cancellationToken);
        return rows.Where(row => row.Port == siloPort).MaxBy(row => row.Generation)?.Status;
    }

    /// <summary>Returns every row of the cluster, oldest generation first.</summary>
    public async Task<IReadOnlyList<MembershipRow>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT port, generation, status, proxy_port FROM orleans_membership WHERE deployment_id = @cluster ORDER BY generation",
            connection);
        command.Parameters.AddWithValue("cluster", clusterId);

        var rows = new List<MembershipRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new MembershipRow(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));
        }

        return rows;
    }

    /// <summary>Formats the rows for a failure message, one silo per line.</summary>
    public async Task<string> DescribeAsync(CancellationToken cancellationToken)
    {
        var text = new StringBuilder($"Membership of cluster {clusterId}:");
        foreach (var row in await ReadAsync(cancellationToken))
        {
            text.AppendLine().Append($"  silo port {row.Port}, gateway port {row.GatewayPort}, generation {row.Generation}, status {row.Status}");
        }

        return text.ToString();
    }
}

/// <summary>One silo generation in the membership table.</summary>
/// <param name="Status">Orleans.Runtime.SiloStatus as a number: 3 is Active, 6 is Dead.</param>
internal sealed record MembershipRow(int Port, int Generation, int Status, int GatewayPort);
