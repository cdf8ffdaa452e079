using FluentValidation;
using TermSync.Money;

namespace TermSync.Api.Infrastructure;

/// <summary>Validation rules shared by several requests; each message names the value and the fix.</summary>
public static class ValidationRules
{
    public static IRuleBuilderOptions<T, string> MustBeVendorId<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(Identifiers.IsVendorId)
            .WithMessage("'{PropertyValue}' is not a valid vendor id; use 1 to 64 lower-case letters, digits and '-', starting with a letter or digit.");

    public static IRuleBuilderOptions<T, string?> MustBeCustomerId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(Identifiers.IsCustomerId)
            .WithMessage("'{PropertyValue}' is not a valid customer id; use 1 to 64 letters, digits, '.', '_' and '-', starting with a letter or digit.");

    public static IRuleBuilderOptions<T, string?> MustBeInvoiceNumber<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(Identifiers.IsInvoiceNumber)
            .WithMessage($"'{{PropertyValue}}' is not a valid invoice number; use 1 to {Identifiers.MaxInvoiceNumberLength} characters without control characters or surrounding spaces.");

    /// <summary>Requires a payment reference or document number: 1 to 100 characters, no control characters or surrounding spaces.</summary>
    public static IRuleBuilderOptions<T, string?> MustBePaymentReference<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(Identifiers.IsInvoiceNumber)
            .WithMessage("'{PropertyValue}' is not a valid reference; send the vendor's reference of the payment, 1 to 100 characters without control characters or surrounding spaces.");

    public static IRuleBuilderOptions<T, string?> MustBeCurrency<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(Currencies.IsKnown)
            .WithMessage("'{PropertyValue}' is not a supported ISO 4217 currency code; use an upper-case code such as USD, EUR or JPY.");

    /// <summary>Requires a positive amount with no more decimals than the currency's minor units.</summary>
    public static IRuleBuilderOptions<T, decimal?> MustBeAmountIn<T>(this IRuleBuilderInitial<T, decimal?> rule, Func<T, string?> currency) =>
        rule.MustBeAmount()
            .Must((parent, amount) => !Currencies.IsKnown(currency(parent)) || Currencies.FitsMinorUnits(currency(parent)!, amount!.Value))
            .WithMessage((parent, amount) => $"The amount {amount} has more decimals than {currency(parent)} allows ({MinorUnits(currency(parent))}); send it rounded by the vendor, TermSync does not round.");

    /// <summary>Requires a positive amount no larger than <see cref="Currencies.MaxAmount"/>; reports only the first failure.</summary>
    public static IRuleBuilderOptions<T, decimal?> MustBeAmount<T>(this IRuleBuilderInitial<T, decimal?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("The amount is missing; send a positive number such as 125.50.")
            .GreaterThan(0m).WithMessage("The amount {PropertyValue} must be greater than zero.")
            .LessThanOrEqualTo(Currencies.MaxAmount).WithMessage($"The amount {{PropertyValue}} exceeds the maximum of {Currencies.MaxAmount:0} for one document; check the amount's unit and decimal separator.");

    public static IRuleBuilderOptions<T, DateOnly?> MustBeDate<T>(this IRuleBuilder<T, DateOnly?> rule, string name) =>
        rule.NotNull().WithMessage($"The {name} is missing; send a calendar date as YYYY-MM-DD.");

    private static string MinorUnits(string? currency) =>
        currency is not null && Currencies.IsKnown(currency) ? $"{Currencies.GetMinorUnitDigits(currency)} decimals" : "unknown";
}
