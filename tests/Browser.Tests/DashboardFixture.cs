using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TermSync.Tests;

namespace TermSync.Browser.Tests;

/// <summary>
/// The API with a co-hosted silo on a fresh PostgreSQL database, served by Kestrel on a free port of 127.0.0.1, and a
/// headless Debian Chromium that Playwright drives. Chromium comes from the Debian package (deploy/test.sh installs it),
/// because Playwright cannot download its own browser builds here.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    /// <summary>The Chromium of the Debian package "chromium".</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    // Chromium requires --no-sandbox when the tests run as root, and the other flags keep it off the network.
    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly string outboxPath = Path.Combine(Path.GetTempPath(), $"termsync-browser-outbox-{Guid.NewGuid():N}");

    private PostgresDatabase database = null!;
    private WebApplicationFactory<Program> factory = null!;
    private IPlaywright playwright = null!;

    /// <summary>The admin key of this API, random per fixture.</summary>
    public string AdminKey { get; } = $"test-admin-{Guid.NewGuid():N}";

    /// <summary>The address Kestrel listens on, such as http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {ChromiumPath}; install it with 'apt-get install -y chromium' (deploy/test.sh does) and run again.");
        }

        database = await PostgresDatabase.CreateAsync(TestContext.Current.CancellationToken);
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:TermSync"] = database.ConnectionString,
            ["Orleans:ClusterId"] = database.Name,
            ["Orleans:SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Digests:OutboxPath"] = outboxPath,
            ["Digests:PublicBaseUrl"] = "https://termsync.test",
            ["Digests:LinkSigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Security:AdminKey"] = AdminKey,
        };

        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            foreach (var (key, value) in settings)
            {
                host.UseSetting(key, value);
            }
        });
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseAddress = new Uri(address);

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
        });
    }

    /// <summary>Creates a client of the Kestrel address that sends <paramref name="key"/> as a Bearer credential.</summary>
    public HttpClient CreateClient(string key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }

        if (Directory.Exists(outboxPath))
        {
            Directory.Delete(outboxPath, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
