using System.Text;
using Microsoft.Extensions.Options;

namespace TermSync.Grains.Digests;

/// <summary>Renders digest content as an HTML and a plain-text message with signed links.</summary>
public sealed class DigestRenderer(IOptions<DigestOptions> options, TimeProvider time)
{
    public DigestMessage Render(DigestContent content)
    {
        // Placeholder until the template-based renderer lands.
        _ = options;
        _ = time;
        var text = new StringBuilder();
        foreach (var line in content.Lines)
        {
            text.Append(line.VendorId).Append(' ').Append(line.InvoiceNumber).Append(' ').Append(line.OpenAmount).Append('\n');
        }

        return new DigestMessage(content.DigestId, content.CustomerId, content.Key, content.Email, "Digest", text.ToString(), text.ToString(), "");
    }
}
