using System.Globalization;

namespace TermSync.Benchmarks.Metrics;

/// <summary>The "--name value" pairs of a command line, with typed reads that name the option, the value and the allowed range on error.</summary>
public sealed class OptionValues
{
    private readonly Dictionary<string, string> _values;

    private OptionValues(Dictionary<string, string> values) => _values = values;

    /// <summary>Reads pairs of "--name value" and rejects a name outside <paramref name="known"/>.</summary>
    /// <exception cref="ArgumentException">An argument is not an option, lacks its value, or is unknown.</exception>
    public static OptionValues Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> known)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var index = 0; index < args.Count; index += 2)
        {
            if (!args[index].StartsWith("--", StringComparison.Ordinal) || index + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected an option and its value at '{args[index]}'. Run with --help for usage.");
            }

            if (!known.Contains(args[index]))
            {
                throw new ArgumentException($"Unknown option '{args[index]}'. Run with --help for usage.");
            }

            values[args[index]] = args[index + 1];
        }

        return new OptionValues(values);
    }

    /// <exception cref="ArgumentException">The option is missing.</exception>
    public string RequiredText(string name, string example) =>
        _values.TryGetValue(name, out var text) ? text : throw new ArgumentException($"The option {name} is missing; pass it, such as {name} {example}.");

    /// <exception cref="ArgumentException">The value is not a whole number from <paramref name="minimum"/> to <paramref name="maximum"/>.</exception>
    public int Integer(string name, int fallback, int minimum, int maximum = int.MaxValue)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
        {
            throw new ArgumentException($"The option {name} is '{text}' but must be a whole number from {minimum} to {maximum}.");
        }

        return value;
    }

    /// <exception cref="ArgumentException">The value is not a date written YYYY-MM-DD.</exception>
    public DateOnly Date(string name, DateOnly fallback)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            throw new ArgumentException($"The option {name} is '{text}' but must be a calendar date written YYYY-MM-DD, such as 2026-11-30.");
        }

        return value;
    }
}
