using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using TermSync.Tests;

namespace TermSync.Browser.Tests.Hosting;

/// <summary>
/// The API with a co-hosted silo on a fresh PostgreSQL database, served by Kestrel on 127.0.0.1, and a headless Debian
/// Chromium that Playwright drives. Chromium comes from the Debian package (deploy/test.sh installs it), because
/// Playwright cannot download its own browser builds here. The port is chosen before the host starts, so digest links
/// (Digests:PublicBaseUrl) point at this server and a test can open them as a clerk would.
/// </summary>
public abstract class BrowserApiFixture : IAsyncLifetime
{
    /// <summary>The Chromium of the Debian package "chromium".</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    // Another process may take the chosen port before Kestrel binds it, so start is tried on a new port this many times.
    private const int MaxStartAttempts = 3;

    // Chromium requires --no-sandbox when the tests run as root, and the other flags keep it off the network.
    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private PostgresDatabase database = null!;
    private WebApplicationFactory<Program>? factory;
    private IPlaywright? playwright;

    /// <summary>The admin key of this API, random per fixture.</summary>
    public string AdminKey { get; } = $"test-admin-{Guid.NewGuid():N}";

    /// <summary>The base64 key that signs digest links in this API, random per fixture.</summary>
    public string LinkSigningKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>The folder that receives the API's digests and portal emails.</summary>
    public string OutboxPath { get; } = Path.Combine(Path.GetTempPath(), $"termsync-browser-outbox-{Guid.NewGuid():N}");

    /// <summary>The address Kestrel listens on, such as http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public virtual async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {ChromiumPath}; install it with 'apt-get install -y chromium' (deploy/test.sh does) and run again.");
        }

        database = await PostgresDatabase.CreateAsync(TestContext.Current.CancellationToken);
        StartServer();

        // Playwright's 5 s default for assertions is short for a page that a loaded 2-core machine renders after a form post.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
        });
    }

    /// <summary>Creates a client of the Kestrel address that sends <paramref name="key"/> as a Bearer credential, or no credential when it is null.</summary>
    public HttpClient CreateClient(string? key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>
    /// Opens a page in a new browser context (its own cookies) with the given viewport, UTC and US English. The list
    /// collects the page's script errors and console errors other than failed resource loads, which the browser reports
    /// for every response of status 400 or more.
    /// </summary>
    public async Task<(IPage Page, List<string> Errors)> OpenPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            TimezoneId = "UTC",
            Locale = "en-US",
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return (page, errors);
    }

    public virtual async ValueTask DisposeAsync()
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

        if (Directory.Exists(OutboxPath))
        {
            Directory.Delete(OutboxPath, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    private void StartServer()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
            var settings = new Dictionary<string, string>
            {
                ["ConnectionStrings:TermSync"] = database.ConnectionString,
                ["Orleans:ClusterId"] = database.Name,
                ["Orleans:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
                ["Orleans:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
                ["Digests:OutboxPath"] = OutboxPath,
                ["Digests:PublicBaseUrl"] = BaseAddress.GetLeftPart(UriPartial.Authority),
                ["Digests:LinkSigningKey"] = LinkSigningKey,
                ["Security:AdminKey"] = AdminKey,
            };

            factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
            {
                foreach (var (key, value) in settings)
                {
                    host.UseSetting(key, value);
                }
            });
            factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
            try
            {
                factory.StartServer();
                return;
            }
            catch (IOException exception) when (attempt < MaxStartAttempts && exception.InnerException is AddressInUseException)
            {
                factory.Dispose();
                factory = null;
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
