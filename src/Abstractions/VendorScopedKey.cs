namespace TermSync;

/// <summary>
/// Keys of grains that belong to one vendor: the vendor id, a '/', then the vendor's own id of the thing (invoice
/// number, account number, payment reference, credit note number). Vendor ids contain no '/', so the first '/'
/// always separates the two parts.
/// </summary>
public static class VendorScopedKey
{
    /// <summary>Builds the key of one vendor's document or account.</summary>
    public static string Format(string vendorId, string localId) => $"{vendorId}/{localId}";

    /// <summary>Splits a key built by <see cref="Format"/>.</summary>
    public static (string VendorId, string LocalId) Parse(string key)
    {
        var separator = key.IndexOf('/', StringComparison.Ordinal);
        if (separator <= 0 || separator == key.Length - 1)
        {
            throw new FormatException($"Key '{key}' is not of the form 'vendorId/id'.");
        }

        return (key[..separator], key[(separator + 1)..]);
    }
}
