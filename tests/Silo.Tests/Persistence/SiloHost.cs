using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TermSync.Silo.Hosting;

namespace TermSync.Silo.Tests.Persistence;

/// <summary>A TermSync silo hosted in the test process, configured as the production silo is.</summary>
internal sealed class SiloHost : IAsyncDisposable
{
    /// <summary>The base64 key that signs digest links, random per test run and shared by every host, as in one deployment.</summary>
    private static readonly string LinkSigningKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private readonly IHost host;

    private SiloHost(IHost host) => this.host = host;

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => host.Services;

    /// <param name="settings">Extra settings, such as "Webhooks:AllowHttp".</param>
    public static async Task<SiloHost> StartAsync(string connectionString, string clusterId, string outboxPath, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:TermSync"] = connectionString,
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Digests:OutboxPath"] = outboxPath,
            ["Digests:LinkSigningKey"] = LinkSigningKey,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.UseOrleans(silo => silo.UseTermSyncSilo(builder.Configuration));

        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new SiloHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync(CancellationToken.None);
        host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
