namespace TermSync.Vendors;

/// <summary>A vendor of the network, keyed by its vendor id (lower-case letters, digits and '-').</summary>
[Alias("termsync.IVendorGrain")]
public interface IVendorGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the vendor, or replaces its profile. Registering the same profile again changes nothing,
    /// so a retried request is safe.
    /// </summary>
    [Alias("Register")]
    Task<WriteOutcome> RegisterAsync(VendorProfile profile);

    /// <summary>Returns the profile, or null when the vendor was never registered.</summary>
    [Alias("GetProfile")]
    Task<VendorProfile?> GetProfileAsync();

    /// <summary>
    /// Adds an API key id to the vendor's list of keys; adding a listed id changes nothing.
    /// The key itself lives in its <see cref="Security.IApiKeyGrain"/>.
    /// </summary>
    /// <returns>False when the vendor was never registered.</returns>
    [Alias("AddApiKey")]
    Task<bool> AddApiKeyAsync(string keyId);

    /// <summary>Returns the ids of the API keys issued to the vendor, revoked ones included, oldest first.</summary>
    [Alias("GetApiKeyIds")]
    Task<IReadOnlyList<string>> GetApiKeyIdsAsync();

    /// <summary>Returns the vendor's response settings, or <see cref="ResponseSettings.Default"/> when they were never set.</summary>
    [Alias("GetResponseSettings")]
    Task<ResponseSettings> GetResponseSettingsAsync();

    /// <summary>
    /// Replaces the vendor's response settings. Hours are stored in weekday order and holidays in date order without
    /// repeats, so sending the same settings again, in any order, returns <see cref="WriteOutcome.Unchanged"/>.
    /// </summary>
    /// <returns><see cref="WriteOutcome.Created"/> when the settings replace the default for the first time.</returns>
    /// <exception cref="ArgumentException">A weekday appears twice, a closing time is not after its opening time, the
    /// service level is not positive, or a service level is set without any open hours.</exception>
    [Alias("SetResponseSettings")]
    Task<WriteOutcome> SetResponseSettingsAsync(ResponseSettings settings);

    /// <summary>Returns the vendor's payment-page URL template, or null when the vendor has none.</summary>
    [Alias("GetPaymentPage")]
    Task<string?> GetPaymentPageAsync();

    /// <summary>
    /// Replaces the vendor's payment-page URL template, or removes it when <paramref name="template"/> is null. Setting the
    /// stored template again returns <see cref="WriteOutcome.Unchanged"/>.
    /// </summary>
    /// <returns><see cref="WriteOutcome.Created"/> when the vendor had no template before.</returns>
    /// <exception cref="ArgumentException"><see cref="PaymentPageTemplate.Validate"/> rejects the template.</exception>
    [Alias("SetPaymentPage")]
    Task<WriteOutcome> SetPaymentPageAsync(string? template);
}
