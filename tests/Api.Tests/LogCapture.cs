using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace TermSync.Api.Tests;

/// <summary>A Serilog sink that keeps every event, rendered with its properties and exception.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<(int? EventId, string Text)> _events = new();

    public void Emit(LogEvent logEvent)
    {
        var properties = string.Join(" ", logEvent.Properties.Select(property => $"{property.Key}={property.Value}"));
        var eventId = logEvent.Properties.TryGetValue("EventId", out var value) && value is StructureValue structure
            ? structure.Properties.FirstOrDefault(part => part.Name == "Id")?.Value is ScalarValue { Value: int id } ? id : (int?)null
            : null;
        _events.Enqueue((eventId, $"{logEvent.RenderMessage(CultureInfo.InvariantCulture)} {properties} {logEvent.Exception}"));
    }

    /// <summary>Every event so far, rendered.</summary>
    public IReadOnlyList<string> Texts => [.. _events.Select(logEvent => logEvent.Text)];

    /// <summary>The rendered events with the given [LoggerMessage] event id.</summary>
    public IReadOnlyList<string> WithEventId(int eventId) => [.. _events.Where(logEvent => logEvent.EventId == eventId).Select(logEvent => logEvent.Text)];
}
