using System.Globalization;
using System.Text.RegularExpressions;

namespace TermSync.Api.Tests.Metrics;

/// <summary>Samples of a Prometheus text exposition, parsed just enough to read counter values by name and label.</summary>
internal sealed partial class PrometheusText(string text)
{
    public string Text { get; } = text;

    /// <summary>Whether any sample has the metric name <paramref name="name"/>.</summary>
    public bool HasMetric(string name) => Samples().Any(sample => sample.Name == name);

    /// <summary>Sums the samples of <paramref name="name"/> whose label <paramref name="label"/> is <paramref name="value"/>; 0 when there are none.</summary>
    public double Sum(string name, string label, string value) =>
        Samples()
            .Where(sample => sample.Name == name && sample.Labels.Contains($"{label}=\"{value}\"", StringComparison.Ordinal))
            .Sum(sample => sample.Value);

    private IEnumerable<(string Name, string Labels, double Value)> Samples()
    {
        foreach (var line in Text.Split('\n'))
        {
            var match = SampleLine().Match(line);
            if (match.Success)
            {
                yield return (match.Groups["name"].Value, match.Groups["labels"].Value, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture));
            }
        }
    }

    // A sample line is: name, optional {labels}, value, optional timestamp.
    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?<labels>.*)\})?\s+(?<value>\S+)(?:\s+\d+)?$")]
    private static partial Regex SampleLine();
}
