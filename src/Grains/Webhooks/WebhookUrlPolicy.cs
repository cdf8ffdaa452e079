using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using TermSync.Webhooks;

namespace TermSync.Grains.Webhooks;

/// <summary>
/// Decides which URLs webhook requests may go to. It checks the form of the URL when an endpoint is registered,
/// and the addresses its host resolves to both then and when each request connects. A DNS change after
/// registration therefore cannot point deliveries at a private address.
/// </summary>
public sealed class WebhookUrlPolicy(IOptions<WebhookOptions> options)
{
    private WebhookOptions Options => options.Value;

    /// <summary>Returns why <paramref name="url"/> cannot be an endpoint, or null when it can. Resolves the host in DNS.</summary>
    public async Task<string?> CheckAsync(string url, CancellationToken cancellationToken)
    {
        if (CheckForm(url, out var uri) is { } formError)
        {
            return formError;
        }

        try
        {
            var addresses = await ResolveAsync(uri!.IdnHost, cancellationToken);
            return CheckAddresses(uri.Host, addresses);
        }
        catch (SocketException exception)
        {
            return $"The host '{uri!.Host}' of URL '{url}' could not be resolved ({exception.SocketErrorCode}); register a URL whose host name exists in DNS.";
        }
    }

    /// <summary>Returns why the form of <paramref name="url"/> is not acceptable, or null when it is.</summary>
    public string? CheckForm(string url, out Uri? uri)
    {
        uri = null;
        if (url.Length > WebhookLimits.MaxUrlLength)
        {
            return $"The URL has {url.Length} characters, more than the maximum of {WebhookLimits.MaxUrlLength}; register a shorter URL.";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("https" or "http") || string.IsNullOrEmpty(parsed.Host))
        {
            return $"'{url}' is not an absolute https URL; send one such as https://erp.example.com/termsync/webhooks.";
        }

        if (parsed.Scheme == "http" && !Options.AllowHttp)
        {
            return $"'{url}' uses http, which this service does not allow because the body and signature would travel unencrypted; use an https URL (a test setup may set Webhooks:AllowHttp).";
        }

        if (!string.IsNullOrEmpty(parsed.UserInfo))
        {
            return $"The URL '{parsed.GetLeftPart(UriPartial.Scheme)}…' contains a user name or password, which every listing of the endpoint would show; remove it, and let the receiver check the signature instead.";
        }

        uri = parsed;
        return null;
    }

    /// <summary>Returns why requests to <paramref name="addresses"/> are not allowed, or null when they are.</summary>
    public string? CheckAddresses(string host, IReadOnlyList<IPAddress> addresses)
    {
        if (addresses.Count == 0)
        {
            return $"The host '{host}' resolves to no address; register a URL whose host name exists in DNS.";
        }

        if (Options.AllowPrivateNetworks)
        {
            return null;
        }

        foreach (var address in addresses)
        {
            if (WebhookAddressRules.Classify(address) is { } kind)
            {
                return $"The host '{host}' resolves to {address}, a {kind} address, which webhooks may not reach; register a URL on the public internet (a test setup may set Webhooks:AllowPrivateNetworks).";
            }
        }

        return null;
    }

    /// <summary>Returns the addresses of <paramref name="host"/>; an IP literal is returned as it is, without a DNS query.</summary>
    public static async Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (IPAddress.TryParse(literal, out var address))
        {
            return [address];
        }

        return await Dns.GetHostAddressesAsync(host, cancellationToken);
    }
}
