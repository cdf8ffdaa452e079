using System.Globalization;

namespace TermSync.Benchmarks;

/// <summary>The "--name value" pairs of a command line, with typed reads that name the option, the value and the allowed range on error.</summary>
public sealed class OptionValues
{
    private readonly Dictionary<string, string> _values;

    private OptionValues(Dictionary<string, string> values) => _values = values;

    /// <summary>
    /// Reads pairs of "--name value". Each entry of <paramref name="known"/> is an option and the placeholder of its
    /// value as the usage text writes them, such as "--rounds N". When an option is given twice, the later value wins.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// An argument is not an option, an option is unknown, or an option has no value. For a misspelled option, the message
    /// names the closest known one.
    /// </exception>
    public static OptionValues Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> known)
    {
        var placeholders = known.ToDictionary(entry => entry.Split(' ')[0], entry => entry[(entry.IndexOf(' ', StringComparison.Ordinal) + 1)..], StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var index = 0; index < args.Count; index += 2)
        {
            var name = args[index];
            if (!IsOption(name))
            {
                throw new ArgumentException(OptionSuggestion.Closest("--" + name.TrimStart('-'), placeholders.Keys) is { } meant
                    ? $"The argument '{name}' is not an option; did you mean {meant}? Run with --help for usage."
                    : $"The argument '{name}' is not an option; options start with -- and each takes one value. Run with --help for usage.");
            }

            if (!placeholders.TryGetValue(name, out var placeholder))
            {
                throw new ArgumentException(OptionSuggestion.Closest(name, placeholders.Keys) is { } meant
                    ? $"Unknown option '{name}'; did you mean {meant}? Run with --help for usage."
                    : $"Unknown option '{name}'. Run with --help for usage.");
            }

            if (index + 1 >= args.Count || IsOption(args[index + 1]))
            {
                throw new ArgumentException($"The option {name} has no value; pass it as {name} {placeholder}. Run with --help for usage.");
            }

            values[name] = args[index + 1];
        }

        return new OptionValues(values);
    }

    /// <summary>Returns the value of the option, or null when the command line lacks it.</summary>
    public string? Text(string name) => _values.GetValueOrDefault(name);

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

    // A value never starts with "--", so an option followed by another option has no value of its own.
    private static bool IsOption(string argument) => argument.StartsWith("--", StringComparison.Ordinal);
}
