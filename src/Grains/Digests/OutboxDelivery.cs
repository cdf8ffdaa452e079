using System.Text;
using Microsoft.Extensions.Options;
using TermSync.Digests;

namespace TermSync.Grains.Digests;

/// <summary>
/// Writes each digest as "{customerId}/{key}.html" and ".txt" under the outbox folder. Each file is written
/// to a temporary name and then renamed, so a reader never sees half a digest and a resend replaces the first copy.
/// </summary>
public sealed class OutboxDelivery(IOptions<DigestOptions> options) : IDigestDelivery
{
    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    public async Task<DeliveryResult> DeliverAsync(DigestMessage message, CancellationToken cancellationToken)
    {
        // Customer ids and keys contain only letters, digits, '.', '_' and '-', so they are safe file names.
        var folder = Path.GetFullPath(Path.Combine(options.Value.OutboxPath, message.CustomerId));
        Directory.CreateDirectory(folder);

        var htmlPath = Path.Combine(folder, $"{message.Key}.html");
        await WriteAtomicallyAsync(htmlPath, message.Html, cancellationToken);
        await WriteAtomicallyAsync(Path.Combine(folder, $"{message.Key}.txt"), message.Text, cancellationToken);
        return new DeliveryResult(DeliveryStatus.Delivered, 1, null, htmlPath);
    }

    private static async Task WriteAtomicallyAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllTextAsync(temporary, content, Utf8WithoutBom, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
