namespace TermSync.Api.Infrastructure;

/// <summary>Turns validator property paths into the camel-case JSON paths clients send.</summary>
public static class JsonPath
{
    /// <summary>Converts "Customer.Email" to "customer.email" and "Allocations[0].Amount" to "allocations[0].amount".</summary>
    public static string CamelCase(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(segment => segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));
}
