using System.Diagnostics.Metrics;
using TermSync.Metrics;

namespace TermSync.Grains.Telemetry;

/// <summary>
/// Gauges of today's receivables on the "TermSync" meter, for the network and for the vendors with the most AR. The
/// network grain of the silo sets them; a silo without it reports none. Per-vendor series are limited to
/// <see cref="MaxVendors"/> vendors per currency, so the label sets stay bounded however many vendors join.
/// </summary>
public sealed class ReceivablesGauges
{
    /// <summary>Most vendors per currency that get their own series: those with the largest total AR.</summary>
    public const int MaxVendors = 20;

    private volatile IReadOnlyList<Reading> _readings = [];

    public ReceivablesGauges(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(TermSyncMetrics.MeterName);
        meter.CreateObservableGauge("termsync.receivables.ar", () => Observe(metrics => metrics.Aging.TotalAr), unit: "{currency_unit}",
            description: "Total AR at the end of today: open amounts of invoices, by currency, for the network (scope network) and the vendors with the most AR (scope vendor).");
        meter.CreateObservableGauge("termsync.receivables.current_ar", () => Observe(metrics => metrics.Aging.CurrentAr), unit: "{currency_unit}",
            description: "Current AR at the end of today: open amounts not yet past due.");
        meter.CreateObservableGauge("termsync.receivables.dso", () => Observe(metrics => metrics.Dso.Dso), unit: "d",
            description: "Standard DSO over the 90 days ending today; no value when the window has no credit sales.");
        meter.CreateObservableGauge("termsync.receivables.add", () => Observe(metrics => metrics.Dso.AverageDaysDelinquent), unit: "d",
            description: "Average days delinquent (DSO − BPDSO) over the 90 days ending today.");
        meter.CreateObservableGauge("termsync.receivables.dispute_rate", () => Observe(metrics => metrics.DisputeRate.DisputeRatePercent), unit: "%",
            description: "Share of invoices issued in the 90 days ending today that were questioned or disputed.");
    }

    /// <summary>Replaces every reading with the network's figures and those of the vendors with the most AR per currency.</summary>
    public void Set(IReadOnlyList<ReceivablesMetrics> network, IEnumerable<(string VendorId, ReceivablesMetrics Metrics)> vendors)
    {
        var readings = network.Select(metrics => new Reading("network", null, metrics)).ToList();
        readings.AddRange(vendors
            .GroupBy(vendor => vendor.Metrics.Scope.Currency, StringComparer.Ordinal)
            .SelectMany(currency => currency.OrderByDescending(vendor => vendor.Metrics.Aging.TotalAr).Take(MaxVendors))
            .Select(vendor => new Reading("vendor", vendor.VendorId, vendor.Metrics)));
        _readings = readings;
    }

    private IEnumerable<Measurement<double>> Observe(Func<ReceivablesMetrics, decimal?> figure)
    {
        foreach (var reading in _readings)
        {
            if (figure(reading.Metrics) is not { } value)
            {
                continue;
            }

            // Exporters take double; the exact decimal figures are served by the metrics endpoints.
            yield return new Measurement<double>(
                (double)value,
                new KeyValuePair<string, object?>("currency", reading.Metrics.Scope.Currency),
                new KeyValuePair<string, object?>("scope", reading.Scope),
                new KeyValuePair<string, object?>("vendor", reading.VendorId ?? string.Empty));
        }
    }

    private sealed record Reading(string Scope, string? VendorId, ReceivablesMetrics Metrics);
}
