using System.Security.Cryptography;
using System.Text;

namespace TermSync.Accounts;

/// <summary>Normalizes the identities that link vendors' accounts to network customers.</summary>
public static class NetworkIdentity
{
    /// <summary>Returns the identity key of an email: trimmed and lower-case, for example "email:ap@acme.example".</summary>
    public static string OfEmail(string email) => $"email:{email.Trim().ToLowerInvariant()}";

    /// <summary>Returns the identity key of a tax id: upper-case with spaces, dots and dashes removed, for example "tax:DE123456789".</summary>
    public static string OfTaxId(string taxId) =>
        $"tax:{new string([.. taxId.Where(character => !char.IsWhiteSpace(character) && character is not '.' and not '-')]).ToUpperInvariant()}";

    /// <summary>Returns the identity key of an account that gives neither email nor tax id; such an account is a customer of its own.</summary>
    public static string OfAccount(string vendorId, string accountNumber) => $"account:{vendorId}/{accountNumber}";

    /// <summary>
    /// Derives the network customer id that an identity gets when it is seen first: "cus-" and 20 hex digits of
    /// its SHA-256, so every silo derives the same id without coordination.
    /// </summary>
    public static string DeriveCustomerId(string identityKey) =>
        $"cus-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identityKey)))[..20]}";
}
