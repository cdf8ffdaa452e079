namespace TermSync.Importer.Replay;

/// <summary>
/// The customer billed by an invoice, as recorded by the vendor.
/// </summary>
/// <param name="Id">Customer id: letters, digits, '.', '_' and '-', 1 to 64 characters.</param>
/// <param name="Name">Display name.</param>
/// <param name="Email">Accounts-payable contact address.</param>
public sealed record CustomerProfile(string Id, string Name, string Email);
