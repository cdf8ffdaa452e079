using System.Net;
using System.Net.Sockets;

namespace TermSync.Grains.Webhooks;

/// <summary>Classifies IP addresses that webhook requests must not reach unless private networks are allowed.</summary>
public static class WebhookAddressRules
{
    /// <summary>
    /// Returns why <paramref name="address"/> is not a public address ("loopback", "private", "link-local",
    /// "unspecified", "multicast" and the like), or null when it is public. IPv4 addresses mapped into IPv6 are
    /// judged as the IPv4 address.
    /// </summary>
    public static string? Classify(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ClassifyIPv4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => ClassifyIPv6(address),
            _ => "not an IP address",
        };
    }

    private static string? ClassifyIPv4(byte[] bytes) => (bytes[0], bytes[1]) switch
    {
        (0, _) => "unspecified",
        (127, _) => "loopback",
        (10, _) => "private",
        (172, >= 16 and <= 31) => "private",
        (192, 168) => "private",
        (169, 254) => "link-local",

        // The shared address space of carrier-grade NAT (RFC 6598) is as unreachable from outside as a private one.
        (100, >= 64 and <= 127) => "private",
        (>= 224 and <= 239, _) => "multicast",

        // 240.0.0.0/4 is reserved, and 255.255.255.255, the limited broadcast address, lies in it.
        (>= 240, _) => "reserved",
        _ => null,
    };

    private static string? ClassifyIPv6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6Any))
        {
            return "unspecified";
        }

        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return "loopback";
        }

        if (address.IsIPv6LinkLocal)
        {
            return "link-local";
        }

        if (address.IsIPv6Multicast)
        {
            return "multicast";
        }

        // fc00::/7 contains the unique local addresses, which are the private addresses of IPv6. fec0::/10 is the deprecated site-local range.
        var first = address.GetAddressBytes()[0];
        return (first & 0xfe) == 0xfc || address.IsIPv6SiteLocal ? "private" : null;
    }
}
