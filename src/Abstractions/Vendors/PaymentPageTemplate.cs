using System.Globalization;
using System.Text.RegularExpressions;
using TermSync.Money;

namespace TermSync.Vendors;

/// <summary>
/// A vendor's payment-page URL with placeholders that <see cref="Expand"/> fills for one invoice, such as
/// "https://pay.example.com/checkout?invoice={invoiceNumber}&amp;amount={amount}&amp;currency={currency}".
/// </summary>
public static partial class PaymentPageTemplate
{
    /// <summary>The longest template accepted, in characters.</summary>
    public const int MaxLength = 2000;

    public const string InvoiceNumberPlaceholder = "{invoiceNumber}";

    public const string AmountPlaceholder = "{amount}";

    public const string CurrencyPlaceholder = "{currency}";

    public const string AccountNumberPlaceholder = "{accountNumber}";

    /// <summary>Every placeholder a template may contain; <see cref="InvoiceNumberPlaceholder"/> is required.</summary>
    public static readonly IReadOnlyList<string> Placeholders =
        [InvoiceNumberPlaceholder, AmountPlaceholder, CurrencyPlaceholder, AccountNumberPlaceholder];

    /// <summary>
    /// Returns why <paramref name="template"/> is not a valid template, or null when it is. A valid template is at most
    /// <see cref="MaxLength"/> characters, contains <see cref="InvoiceNumberPlaceholder"/> and no other text in braces than
    /// <see cref="Placeholders"/>, and is an absolute https URL once filled; http is accepted only for 127.0.0.1 and
    /// localhost, so that a test page can run on the same machine.
    /// </summary>
    public static string? Validate(string? template)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return "The URL template is missing; send an https URL that contains {invoiceNumber}.";
        }

        if (template.Length > MaxLength)
        {
            return $"The URL template is {template.Length} characters long; send at most {MaxLength}.";
        }

        foreach (Match match in Braced().Matches(template))
        {
            if (!Placeholders.Contains(match.Value, StringComparer.Ordinal))
            {
                return $"The URL template contains the unknown placeholder '{match.Value}'; use only {string.Join(", ", Placeholders)}.";
            }
        }

        if (!template.Contains(InvoiceNumberPlaceholder, StringComparison.Ordinal))
        {
            return "The URL template has no {invoiceNumber} placeholder; add it, so that the page knows which invoice is paid.";
        }

        // A sample expansion checks the URL as a browser will receive it, with every placeholder filled.
        var sample = Fill(template, "1", "1", "1", "1");
        if (sample.IndexOfAny(['{', '}']) >= 0 || !Uri.TryCreate(sample, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return $"The URL template '{template}' is not an absolute URL; send one such as https://pay.example.com/checkout?invoice={{invoiceNumber}}.";
        }

        var loopback = uri.Host is "127.0.0.1" or "localhost";
        if (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && loopback))
        {
            return null;
        }

        return $"The URL template uses '{uri.Scheme}'; send an https URL (http only for 127.0.0.1 or localhost).";
    }

    /// <summary>
    /// Fills the placeholders of a valid template for one invoice. Each value is URL-encoded, and the amount is written
    /// with a '.' and the currency's minor-unit digits, so 1250.5 EUR becomes "1250.50".
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is not a known currency code.</exception>
    public static string Expand(string template, string invoiceNumber, decimal amount, string currency, string accountNumber = "")
    {
        var digits = Currencies.GetMinorUnitDigits(currency);
        var formatted = amount.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return Fill(template, invoiceNumber, formatted, currency, accountNumber);
    }

    private static string Fill(string template, string invoiceNumber, string amount, string currency, string accountNumber) =>
        template
            .Replace(InvoiceNumberPlaceholder, Uri.EscapeDataString(invoiceNumber), StringComparison.Ordinal)
            .Replace(AmountPlaceholder, Uri.EscapeDataString(amount), StringComparison.Ordinal)
            .Replace(CurrencyPlaceholder, Uri.EscapeDataString(currency), StringComparison.Ordinal)
            .Replace(AccountNumberPlaceholder, Uri.EscapeDataString(accountNumber), StringComparison.Ordinal);

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Braced();
}
