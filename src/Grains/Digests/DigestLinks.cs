namespace TermSync.Grains.Digests;

/// <summary>Builds the pay and ask links of a digest from the public base address.</summary>
/// <remarks>NOTE: the links carry plain ids and no signature, so anyone holding one can open it.</remarks>
internal sealed class DigestLinks(string publicBaseUrl, string customerId)
{
    private readonly string baseUrl = publicBaseUrl.TrimEnd('/');

    public string Pay(string vendorId, string invoiceNumber) => Build("pay", vendorId, invoiceNumber);

    public string Ask(string vendorId, string invoiceNumber) => Build("ask", vendorId, invoiceNumber);

    private string Build(string action, string vendorId, string invoiceNumber) =>
        $"{baseUrl}/{action}/{vendorId}/{Uri.EscapeDataString(invoiceNumber)}?customer={Uri.EscapeDataString(customerId)}";
}
