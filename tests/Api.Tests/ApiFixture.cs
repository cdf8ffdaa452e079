using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using TermSync.Tests;

namespace TermSync.Api.Tests;

/// <summary>
/// The API with a co-hosted silo on a fresh PostgreSQL database, shared by the tests of one collection.
/// Silo and gateway ports are free ports, so a development silo on the default ports does not collide.
/// <see cref="Client"/> sends the admin key, and <see cref="CreateVendorClientAsync"/> returns clients with vendor keys.
/// </summary>
public class ApiFixture : IAsyncLifetime
{
    private PostgresDatabase database = null!;

    public string OutboxPath { get; } = Path.Combine(Path.GetTempPath(), $"termsync-api-outbox-{Guid.NewGuid():N}");

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    /// <summary>The admin key of this API, random per fixture.</summary>
    public string AdminKey { get; } = $"test-admin-{Guid.NewGuid():N}";

    /// <summary>The base64 key that signs digest links in this API, random per fixture.</summary>
    public string LinkSigningKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>Every log event of the API, for tests that check what is logged.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>A client that sends the admin key.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>Configuration values a derived fixture adds to or overrides in the API's settings.</summary>
    protected virtual IReadOnlyDictionary<string, string> AdditionalSettings { get; } = new Dictionary<string, string>();

    public async ValueTask InitializeAsync()
    {
        database = await PostgresDatabase.CreateAsync(TestContext.Current.CancellationToken);
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:TermSync"] = database.ConnectionString,
            ["Orleans:ClusterId"] = database.Name,
            ["Orleans:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Digests:OutboxPath"] = OutboxPath,
            ["Digests:PublicBaseUrl"] = "https://termsync.test",
            ["Digests:LinkSigningKey"] = LinkSigningKey,
            ["Security:AdminKey"] = AdminKey,
        };
        foreach (var (key, value) in AdditionalSettings)
        {
            settings[key] = value;
        }

        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            foreach (var (key, value) in settings)
            {
                host.UseSetting(key, value);
            }

            host.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Logs));
        });
        Client = CreateClient(AdminKey);
        await Task.CompletedTask;
    }

    /// <summary>Creates a client that sends <paramref name="key"/> as a Bearer credential, or no credential when it is null.</summary>
    public HttpClient CreateClient(string? key)
    {
        var client = Factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>Registers a new vendor, issues it an API key with the admin key, and returns a client that sends that key.</summary>
    public async Task<VendorClient> CreateVendorClientAsync(string name = "Acme Supply")
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client, name);
        var issued = await (await Client.PostAsync($"/vendors/{vendorId}/api-keys", null, TestContext.Current.CancellationToken))
            .ReadJsonAsync(HttpStatusCode.Created);
        var key = issued.GetProperty("key").GetString()!;
        return new VendorClient(vendorId, issued.GetProperty("keyId").GetString()!, key, CreateClient(key));
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
