namespace TermSync.Api.Tests;

/// <summary>A registered vendor with one issued API key, and a client that sends that key.</summary>
public sealed class VendorClient(string vendorId, string keyId, string key, HttpClient client) : IDisposable
{
    public string VendorId { get; } = vendorId;

    public string KeyId { get; } = keyId;

    /// <summary>The whole key, as the issuing response returned it.</summary>
    public string Key { get; } = key;

    public HttpClient Client { get; } = client;

    public void Dispose() => Client.Dispose();
}
