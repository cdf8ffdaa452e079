using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TermSync.Tests;

namespace TermSync.Api.Tests;

/// <summary>
/// The API with a co-hosted silo on a fresh PostgreSQL database, shared by the tests of one collection.
/// Silo and gateway ports are free ports, so a development silo on the default ports does not collide.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private PostgresDatabase database = null!;

    public string OutboxPath { get; } = Path.Combine(Path.GetTempPath(), $"termsync-api-outbox-{Guid.NewGuid():N}");

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        database = await PostgresDatabase.CreateAsync(TestContext.Current.CancellationToken);
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:TermSync"] = database.ConnectionString,
            ["Orleans:ClusterId"] = database.Name,
            ["Orleans:SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Digests:OutboxPath"] = OutboxPath,
            ["Digests:PublicBaseUrl"] = "https://termsync.test",
        };

        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            foreach (var (key, value) in settings)
            {
                host.UseSetting(key, value);
            }
        });
        Client = Factory.CreateClient();
        await Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await database.DisposeAsync();
        if (Directory.Exists(OutboxPath))
        {
            Directory.Delete(OutboxPath, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "Api";
}
