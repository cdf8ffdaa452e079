using Microsoft.AspNetCore.Mvc;
using TermSync.Api.Portal.Preferences;
using TermSync.Api.Portal.Sessions;
using TermSync.Digests;
using TermSync.Grains.Digests;

namespace TermSync.Api.Portal.Pages;

/// <summary>
/// The customer's digest schedule: shows it and changes it through the same request, validator and grain call as
/// <c>PUT /customers/{customerId}/digest-preferences</c>, and stops all digests with a separate, confirmed form.
/// </summary>
public sealed partial class PreferencesModel(IClusterClient cluster, PortalSessionCookie cookie, TimeProvider time, ILogger<PreferencesModel> logger)
    : PortalPageModel(cluster, cookie)
{
    /// <summary>The key of the unsubscribe form's confirmation box in <see cref="Errors"/>.</summary>
    public const string ConfirmField = "Confirm";

    public PreferencesForm Form { get; private set; } = new();

    /// <summary>Errors of the posted form keyed by the property name of their field; empty after a GET.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public DigestScheduleView Schedule { get; private set; } = null!;

    public DigestFormatter Format { get; private set; } = null!;

    /// <summary>The address the digests go to, or null when no vendor gave one.</summary>
    public string? Mailbox { get; private set; }

    /// <summary>The customer's own time zone, used when the preferences name none.</summary>
    public string CustomerTimeZone { get; private set; } = "UTC";

    public bool Unsubscribed => Schedule.Preferences.Frequency == DigestFrequency.Unsubscribed;

    /// <summary>The outcome of the last change, shown once after the redirect.</summary>
    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Form = PreferencesForm.From(Schedule.Preferences);
    }

    public async Task<IActionResult> OnPostAsync(PreferencesForm form)
    {
        if (form.ToRequest(Session.CustomerId, out var errors) is not { } request)
        {
            LogRejected(logger, Session.CustomerId, string.Join(", ", errors.Keys));
            await LoadAsync();
            Form = form;
            Errors = errors;
            return Page();
        }

        await Cluster.GetGrainCached<IDigestGrain>(Session.CustomerId).SetPreferencesAsync(request.ToPreferences());
        Message = "Your digest preferences are saved.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnsubscribeAsync(bool confirm)
    {
        if (!confirm)
        {
            await LoadAsync();
            Form = PreferencesForm.From(Schedule.Preferences);
            Errors = new Dictionary<string, string>
            {
                [ConfirmField] = "Confirmation is missing; tick the box to confirm that you want no more digests, then press Stop all digests again.",
            };
            return Page();
        }

        await Cluster.GetGrainCached<IDigestGrain>(Session.CustomerId).UnsubscribeAsync();
        LogUnsubscribed(logger, Session.CustomerId);
        Message = "All digests are stopped. To receive them again, choose a frequency and save your preferences.";
        return RedirectToPage();
    }

    /// <summary>Returns the id of the control of <paramref name="field"/>: "pref-" and the property name in kebab case, such as "pref-day-of-month".</summary>
    public static string FieldId(string field) =>
        field == ConfirmField ? "stop-confirm" : "pref-" + string.Concat(field.Select((c, i) => char.IsUpper(c) && i > 0 ? $"-{char.ToLowerInvariant(c)}" : $"{char.ToLowerInvariant(c)}"));

    /// <summary>Returns the error of <paramref name="field"/>, or null.</summary>
    public string? ErrorOf(string field) => Errors.GetValueOrDefault(field);

    /// <summary>Returns the value of aria-describedby of a field: the id of its hint, then that of its error when it has one.</summary>
    public string DescribedBy(string field) => Errors.ContainsKey(field) ? $"{FieldId(field)}-hint {FieldId(field)}-error" : $"{FieldId(field)}-hint";

    /// <summary>Returns the value of aria-invalid of a field.</summary>
    public string Invalid(string field) => Errors.ContainsKey(field) ? "true" : "false";

    /// <summary>Returns when the next scheduled digest is due, in the time zone of the schedule, or null when there is none.</summary>
    public string? NextDigest() => Schedule.NextDueAt is { } next ? DescribeInstant(next, Schedule.TimeZone, Format) : null;

    private async Task LoadAsync()
    {
        var statement = await LoadStatementAsync(time);
        Format = DigestFormatter.For(statement.Language);
        Mailbox = statement.Email;
        CustomerTimeZone = statement.TimeZone ?? "UTC";
        Schedule = await Cluster.GetGrainCached<IDigestGrain>(Session.CustomerId).GetScheduleAsync();
    }

    private static string DescribeInstant(DateTimeOffset instant, string timeZone, DigestFormatter format)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var time = local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return $"on {format.FormatDate(DateOnly.FromDateTime(local.DateTime))} at {time} ({timeZone})";
    }

    [LoggerMessage(EventId = 4420, Level = LogLevel.Warning, Message = "Portal digest preferences of customer {CustomerId} rejected; invalid fields: {Fields}")]
    private static partial void LogRejected(ILogger logger, string customerId, string fields);

    [LoggerMessage(EventId = 4421, Level = LogLevel.Information, Message = "Customer {CustomerId} stopped all digests from the portal")]
    private static partial void LogUnsubscribed(ILogger logger, string customerId);
}
