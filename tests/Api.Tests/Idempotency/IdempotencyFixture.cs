using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TermSync.Tests;

namespace TermSync.Api.Tests.Idempotency;

/// <summary>
/// The API with a co-hosted silo on a fresh PostgreSQL database, plus the test-only
/// <see cref="IdempotencyProbe"/> behind the Idempotency-Key middleware and a header that picks the caller.
/// </summary>
public sealed class IdempotencyFixture : IAsyncLifetime
{
    private PostgresDatabase database = null!;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    /// <summary>The admin key of this API, random per fixture.</summary>
    public string AdminKey { get; } = $"test-admin-{Guid.NewGuid():N}";

    /// <summary>A client that sends the admin key.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>A client without credentials, for probe requests whose caller comes from the test header or is anonymous.</summary>
    public HttpClient AnonymousClient { get; private set; } = null!;

    public IdempotencyProbe Probe { get; } = new();

    /// <summary>The API process's data source, for reading and ageing idempotency rows.</summary>
    public NpgsqlDataSource DataSource => Factory.Services.GetRequiredService<NpgsqlDataSource>();

    public async ValueTask InitializeAsync()
    {
        database = await PostgresDatabase.CreateAsync(TestContext.Current.CancellationToken);
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:TermSync"] = database.ConnectionString,
            ["Orleans:ClusterId"] = database.Name,
            ["Orleans:SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Digests:OutboxPath"] = Path.Combine(Path.GetTempPath(), $"termsync-idempotency-outbox-{Guid.NewGuid():N}"),
            ["Digests:LinkSigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Security:AdminKey"] = AdminKey,
        };

        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            foreach (var (key, value) in settings)
            {
                host.UseSetting(key, value);
            }

            host.ConfigureTestServices(services =>
            {
                services.AddSingleton(Probe);
                services.AddSingleton<IStartupFilter, IdempotencyTestPipeline>();
            });
        });
        Client = Factory.CreateClient();
        Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminKey);
        AnonymousClient = Factory.CreateClient();
        await Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        AnonymousClient.Dispose();
        await Factory.DisposeAsync();
        await database.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// Runs apart from the other collections, because each API host replaces Serilog's static bootstrap
/// logger while it starts, and two hosts starting at once fail with "The logger is already frozen".
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IdempotencyCollection : ICollectionFixture<IdempotencyFixture>
{
    public const string Name = "Idempotency";
}
