using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Serialization;

namespace TermSync.Silo.Tests.Persistence;

/// <summary>
/// A grain call that fails in the database on one silo returns the serialized exception to a caller in another
/// process, so the silo's serializer must carry Npgsql's exceptions.
/// </summary>
public sealed class DatabaseErrorSerializationTests : SiloDatabaseTest
{
    [Fact]
    public async Task Postgres_error_round_trips()
    {
        await using var silo = await StartSiloAsync();
        var serializer = silo.Services.GetRequiredService<Serializer>();
        var error = new PostgresException("remaining connection slots are reserved", "FATAL", "FATAL", PostgresErrorCodes.TooManyConnections);

        var copy = serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(error));

        Assert.NotNull(copy);
        Assert.Contains("remaining connection slots are reserved", copy.Message, StringComparison.Ordinal);
    }
}
