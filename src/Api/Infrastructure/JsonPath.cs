namespace TermSync.Api.Infrastructure;

/// <summary>Turns validator property paths into the camel-case JSON paths clients send.</summary>
public static class JsonPath
{
    /// <summary>Formats a rejected value as the client sent it: dates as YYYY-MM-DD, numbers with a '.' decimal point.</summary>
    public static string? FormatValue(object? value) => value switch
    {
        null => null,
        DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Converts "Customer.Email" to "customer.email" and "Allocations[0].Amount" to "allocations[0].amount".</summary>
    public static string CamelCase(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(segment => segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));
}
