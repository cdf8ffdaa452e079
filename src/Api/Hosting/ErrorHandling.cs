using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation.Results;
using Microsoft.AspNetCore.Diagnostics;

namespace TermSync.Api.Hosting;

/// <summary>Turns failures outside the endpoints' own checks into RFC 9457 problem details.</summary>
public static class ErrorHandling
{
    /// <summary>
    /// Returns problem details for unhandled exceptions, and no stack trace: 503 with Retry-After when the cluster cannot
    /// be reached (no silo up, a silo failed mid-call), else 500. ASP.NET Core logs the exception with the request.
    /// </summary>
    public static WebApplication UseTermSyncErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler(handler => handler.Run(async context =>
        {
            var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var unavailable = exception is SiloUnavailableException or Orleans.Runtime.Messaging.ConnectionFailedException or OrleansMessageRejectionException or GatewayTooBusyException or TimeoutException
                || exception?.Message.Contains("gateway", StringComparison.OrdinalIgnoreCase) == true;

            var result = unavailable
                ? TypedResults.Problem("The cluster is not reachable right now; retry the request in a few seconds. Every write can be retried safely.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable.")
                : TypedResults.Problem($"The server failed to process the request; retry it, and report trace id {context.TraceIdentifier} if it keeps failing.", statusCode: StatusCodes.Status500InternalServerError, title: "Internal server error.");
            if (unavailable)
            {
                context.Response.Headers.RetryAfter = "5";
            }

            await result.ExecuteAsync(context);
        }));
        return app;
    }

    /// <summary>Names the field of a request body that is not valid JSON for its type, with the expected forms.</summary>
    public static ValidationFailure DescribeJsonError(JsonException exception)
    {
        var field = exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
        var message = exception.Message;
        var expected = EnumNamed(message, field) is { } enumType ? $"one of {string.Join(", ", Enum.GetNames(enumType).Select(JsonNamingPolicy.CamelCase.ConvertName))}"
            : message.Contains("DateOnly", StringComparison.Ordinal) ? "a calendar date that exists, as \"YYYY-MM-DD\""
            : message.Contains("Decimal", StringComparison.Ordinal) || message.Contains("Int", StringComparison.Ordinal) ? "a JSON number such as 125.50, not a string"
            : message.Contains("Boolean", StringComparison.Ordinal) ? "true or false"
            : field == "body" ? "a JSON object in the request body" : "a JSON string";

        // The serializer's own message names .NET types, so the client gets the expected form instead.
        return new ValidationFailure(field, $"The value of '{field}' is not valid JSON for that field; send {expected}. The whole request was rejected and nothing was written.");
    }

    /// <summary>
    /// Returns the enum type of the field the serializer's message points at, or null when it is not an enum. The message
    /// names either the enum itself or the request type, whose property of the field's name then gives the type.
    /// </summary>
    private static Type? EnumNamed(string message, string field)
    {
        var match = Regex.Match(message, @"TermSync\.[A-Za-z0-9_.]+");
        if (!match.Success)
        {
            return null;
        }

        var name = match.Value.TrimEnd('.');
        var type = typeof(WriteOutcome).Assembly.GetType(name) ?? typeof(ErrorHandling).Assembly.GetType(name);
        if (type is { IsEnum: false })
        {
            var property = type.GetProperty(field, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            type = property is null ? null : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        }

        return type is { IsEnum: true } ? type : null;
    }

    /// <summary>Describes a route or query value that could not be converted to its property's type.</summary>
    public static string DescribeBindingError(Type type, string name, Microsoft.Extensions.Primitives.StringValues value)
    {
        var expected = Nullable.GetUnderlyingType(type) ?? type;
        var hint = expected == typeof(DateOnly) ? "send a calendar date as YYYY-MM-DD"
            : expected == typeof(int) || expected == typeof(long) ? "send a whole number such as 90"
            : expected == typeof(decimal) ? "send a number such as 125.50"
            : expected.IsEnum ? $"send one of {string.Join(", ", Enum.GetNames(expected).Select(JsonNamingPolicy.CamelCase.ConvertName))}"
            : $"send a valid {expected.Name}";
        return $"'{value}' is not a valid value for {name}; {hint}.";
    }

    /// <summary>Parses a calendar date strictly as YYYY-MM-DD, so that 01/02/2025 is rejected instead of guessed.</summary>
    public static FastEndpoints.ParseResult ParseDate(Microsoft.Extensions.Primitives.StringValues input)
    {
        var ok = DateOnly.TryParseExact(input.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        return new FastEndpoints.ParseResult(ok, date);
    }
}
