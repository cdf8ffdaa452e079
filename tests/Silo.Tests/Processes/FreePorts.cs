using System.Net;
using System.Net.Sockets;

namespace TermSync.Silo.Tests.Processes;

internal static class FreePorts
{
    /// <summary>
    /// Returns <paramref name="count"/> distinct TCP ports on 127.0.0.1 that were free a moment ago.
    /// All listeners stay open until every port is chosen, so no port comes back twice. Another process
    /// may still take a port before the caller binds it.
    /// </summary>
    public static int[] Take(int count)
    {
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listeners.Add(listener);
                listener.Start();
            }

            return [.. listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Dispose();
            }
        }
    }
}
