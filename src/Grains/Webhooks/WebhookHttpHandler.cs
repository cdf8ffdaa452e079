using System.Net;
using System.Net.Sockets;

namespace TermSync.Grains.Webhooks;

/// <summary>
/// Builds the HTTP handler of webhook requests. It connects only to addresses that <see cref="WebhookUrlPolicy"/>
/// allows, checked on every new connection, follows no redirects (a redirect could lead anywhere), and ignores proxy
/// settings, because with a proxy the handler would check the proxy's address instead of the receiver's.
/// </summary>
public static class WebhookHttpHandler
{
    /// <summary>The name of the <see cref="IHttpClientFactory"/> client that sends webhook requests.</summary>
    public const string ClientName = "termsync-webhooks";

    public static SocketsHttpHandler Create(WebhookUrlPolicy policy) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        ConnectCallback = (context, cancellationToken) => ConnectAsync(policy, context, cancellationToken),
    };

    private static async ValueTask<Stream> ConnectAsync(WebhookUrlPolicy policy, SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await WebhookUrlPolicy.ResolveAsync(host, cancellationToken);
        if (policy.CheckAddresses(host, addresses) is { } rejection)
        {
            throw new WebhookAddressRejectedException(rejection);
        }

        // The checked addresses are the ones connected to, so a second DNS answer cannot swap in another one.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses.ToArray(), context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>Thrown when a webhook request would connect to an address that webhooks may not reach.</summary>
public sealed class WebhookAddressRejectedException(string message) : IOException(message);
