using System.Security.Cryptography;
using System.Text;

namespace TermSync.Api.Idempotency;

/// <summary>The SHA-256 that decides whether a retry is the same request as the first use of its key.</summary>
public static class RequestFingerprint
{
    private const int BufferSize = 16 * 1024;

    /// <summary>
    /// Hashes the method, the escaped path and query, and the body bytes. Reading buffers the body
    /// and rewinds it afterwards, so the endpoint reads it again from the start.
    /// </summary>
    /// <returns>The 32-byte hash.</returns>
    public static async Task<byte[]> ComputeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        // The escaped path contains no space or line feed, so these separators keep the parts apart.
        var target = $"{request.Method} {request.PathBase}{request.Path}{request.QueryString}\n";
        hash.AppendData(Encoding.UTF8.GetBytes(target));

        request.EnableBuffering();
        var buffer = new byte[BufferSize];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return hash.GetHashAndReset();
    }
}
