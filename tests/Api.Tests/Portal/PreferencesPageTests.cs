using System.Net;
using System.Text.Json;

namespace TermSync.Api.Tests.Portal;

/// <summary>The portal's digest preferences page, driven through its forms by a signed-in clerk.</summary>
[Collection(ApiCollection.Name)]
public sealed class PreferencesPageTests(ApiFixture fixture)
{
    private const string Page = "/portal/preferences";

    [Fact]
    public async Task Preferences_page_shows_schedule()
    {
        using var portal = new PortalClient(fixture);
        var (customerId, mailbox) = await portal.CreateCustomerAsync();
        await portal.SignInAsync(customerId, mailbox);

        var html = await portal.GetPageAsync(Page);

        Assert.Contains("<h1>Digest preferences</h1>", html);
        Assert.Contains("<dd>Every week on Monday at 08:00</dd>", html);
        Assert.Contains("<dd>UTC (the time zone of your invoices)</dd>", html);
        Assert.Contains($"<dd>{mailbox}</dd>", html);
        Assert.Matches(@"<dd>on Monday, [A-Z][a-z]+ \d{1,2}, \d{4} at 08:00 \(UTC\)</dd>", html);
        foreach (var id in new[] { "pref-frequency", "pref-weekday", "pref-second-weekday", "pref-day-of-month", "pref-local-time", "pref-time-zone", "pref-due-soon-days", "pref-past-due-reminder", "stop-confirm" })
        {
            Assert.Matches($"<label( class=\"check\")? for=\"{id}\">", html);
            Assert.Contains($"id=\"{id}\"", html);
        }

        Assert.Contains("<option value=\"Weekly\" selected=\"selected\">Every week</option>", html);
        Assert.Contains("<legend>When scheduled digests go out</legend>", html);
        Assert.Contains("<option value=\"Europe/Berlin\"></option>", html);
        Assert.Contains("aria-describedby=\"pref-day-of-month-hint\"", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("style=", html);
    }

    [Fact]
    public async Task Saved_preferences_reach_the_schedule()
    {
        using var portal = new PortalClient(fixture);
        var (customerId, mailbox) = await portal.CreateCustomerAsync();
        await portal.SignInAsync(customerId, mailbox);

        var saved = await portal.PostAsync(Page, null, Fields(("Frequency", "Monthly"), ("DayOfMonth", "15"), ("LocalTime", "06:30"), ("TimeZone", " Europe/Berlin "), ("DueSoonDays", "0"), ("PastDueReminder", null)));

        await PortalClient.AssertRedirectAsync(saved, Page);
        var html = await portal.GetPageAsync(Page);
        Assert.Contains("<p class=\"notice\" role=\"status\">Your digest preferences are saved.</p>", html);
        Assert.Contains("<dd>Every month on day 15 at 06:30</dd>", html);
        Assert.Contains("<dd>Europe/Berlin (chosen here)</dd>", html);
        Assert.Contains("<dd>Off</dd>", html);
        Assert.Matches(@"<dd>on [A-Z][a-z]+, [A-Z][a-z]+ 15, \d{4} at 06:30 \(Europe/Berlin\)</dd>", html);
        Assert.DoesNotContain("Your digest preferences are saved.", await portal.GetPageAsync(Page));

        var preferences = (await ReadScheduleAsync(customerId)).GetProperty("preferences");
        Assert.Equal("monthly", preferences.GetProperty("frequency").GetString());
        Assert.Equal(15, preferences.GetProperty("dayOfMonth").GetInt32());
        Assert.Equal("06:30:00", preferences.GetProperty("localTime").GetString());
        Assert.Equal("Europe/Berlin", preferences.GetProperty("timeZone").GetString());
        Assert.Equal(JsonValueKind.Null, preferences.GetProperty("dueSoonDays").ValueKind);
        Assert.False(preferences.GetProperty("pastDueReminder").GetBoolean());
    }

    [Fact]
    public async Task Invalid_fields_change_nothing()
    {
        using var portal = new PortalClient(fixture);
        var (customerId, mailbox) = await portal.CreateCustomerAsync();
        await portal.SignInAsync(customerId, mailbox);
        var before = await ReadScheduleAsync(customerId);

        var response = await portal.PostAsync(Page, null, Fields(
            ("Frequency", "TwiceWeekly"), ("Weekday", "Friday"), ("SecondWeekday", "friday"), ("DayOfMonth", "31"),
            ("LocalTime", "25:00"), ("TimeZone", "Mars/Olympus_Mons"), ("DueSoonDays", "three")));

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nothing was changed. Correct these fields:", html);
        AssertFieldError(html, "pref-second-weekday", "Second weekday: a twice-weekly digest needs two different days; choose a day other than Friday.");
        AssertFieldError(html, "pref-day-of-month", "Day of month: 31 is out of range; type a day from 1 to 28, so that every month has it.");
        AssertFieldError(html, "pref-local-time", "Time of day: &#x27;25:00&#x27; is not a time of day; type a 24-hour time such as 08:00.");
        AssertFieldError(html, "pref-time-zone", "Time zone: &#x27;Mars/Olympus_Mons&#x27; is not a known IANA time zone;");
        AssertFieldError(html, "pref-due-soon-days", "Days before the due date: &#x27;three&#x27; is not a whole number; type 1 to 30 days, or 0 to turn the due-soon digest off.");
        Assert.Contains("value=\"Mars/Olympus_Mons\"", html);
        Assert.Contains("<option value=\"TwiceWeekly\" selected=\"selected\">Twice a week</option>", html);
        Assert.DoesNotContain("pref-frequency-error", html);
        Assert.Equal(before.GetRawText(), (await ReadScheduleAsync(customerId)).GetRawText());
    }

    [Theory]
    [InlineData("Frequency", "Unsubscribed", "pref-frequency", "Frequency: &#x27;Unsubscribed&#x27; is not one of the choices; choose every week, twice a week or every month.")]
    [InlineData("Frequency", "1", "pref-frequency", "Frequency: &#x27;1&#x27; is not one of the choices;")]
    [InlineData("Weekday", "Monday,Tuesday", "pref-weekday", "Weekday: &#x27;Monday,Tuesday&#x27; is not one of the choices; choose a day from Monday to Sunday.")]
    [InlineData("LocalTime", "", "pref-local-time", "Time of day is missing; type a 24-hour time such as 08:00.")]
    [InlineData("DueSoonDays", "31", "pref-due-soon-days", "Days before the due date: 31 is out of range;")]
    [InlineData("DayOfMonth", "-1", "pref-day-of-month", "Day of month: -1 is out of range;")]
    public async Task Invalid_field_is_named(string field, string value, string id, string error)
    {
        using var portal = new PortalClient(fixture);
        var (customerId, mailbox) = await portal.CreateCustomerAsync();
        await portal.SignInAsync(customerId, mailbox);
        var before = await ReadScheduleAsync(customerId);
        var fields = Fields();
        fields[field] = value;

        var response = await portal.PostAsync(Page, null, fields);

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nothing was changed. Correct this field:", html);
        AssertFieldError(html, id, error);
        Assert.Equal(before.GetRawText(), (await ReadScheduleAsync(customerId)).GetRawText());
    }

    [Fact]
    public async Task Stop_all_digests_needs_confirmation()
    {
        using var portal = new PortalClient(fixture);
        var (customerId, mailbox) = await portal.CreateCustomerAsync();
        await portal.SignInAsync(customerId, mailbox);

        var unconfirmed = await portal.PostAsync(Page, "Unsubscribe", []);

        var html = await unconfirmed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        AssertFieldError(html, "stop-confirm", "Confirmation is missing; tick the box");
        Assert.Equal("weekly", (await ReadScheduleAsync(customerId)).GetProperty("preferences").GetProperty("frequency").GetString());

        var confirmed = await portal.PostAsync(Page, "Unsubscribe", new Dictionary<string, string> { ["confirm"] = "true" });

        await PortalClient.AssertRedirectAsync(confirmed, Page);
        var stopped = await portal.GetPageAsync(Page);
        Assert.Contains("All digests are stopped. To receive them again, choose a frequency and save your preferences.", stopped);
        Assert.Contains("<dd>Stopped: no digest of any kind is sent</dd>", stopped);
        Assert.Contains("<dd>None, because digests are stopped</dd>", stopped);
        Assert.DoesNotContain("stop-confirm", stopped);
        var schedule = await ReadScheduleAsync(customerId);
        Assert.Equal("unsubscribed", schedule.GetProperty("preferences").GetProperty("frequency").GetString());
        Assert.Equal(JsonValueKind.Null, schedule.GetProperty("nextDueAt").ValueKind);

        var resumed = await portal.PostAsync(Page, null, Fields());

        await PortalClient.AssertRedirectAsync(resumed, Page);
        Assert.Equal("weekly", (await ReadScheduleAsync(customerId)).GetProperty("preferences").GetProperty("frequency").GetString());
    }

    [Fact]
    public async Task Pages_need_a_session()
    {
        using var signedIn = new PortalClient(fixture);
        var (customerId, mailbox) = await signedIn.CreateCustomerAsync();
        await signedIn.SignInAsync(customerId, mailbox);
        var form = await signedIn.GetPageAsync(Page);
        using var anonymous = new PortalClient(fixture);

        foreach (var path in new[] { Page, "/portal/clerks" })
        {
            using var response = await anonymous.GetResponseAsync(path);
            await PortalClient.AssertRedirectAsync(response, "/portal/signed-out");
        }

        // Without the session's cookies, the antiforgery check refuses the post before any handler runs.
        using var posted = await anonymous.PostFormAsync(Page, form, Fields(("Frequency", "Monthly")));
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal("weekly", (await ReadScheduleAsync(customerId)).GetProperty("preferences").GetProperty("frequency").GetString());
    }

    /// <summary>Returns the fields of the default schedule with <paramref name="changes"/> applied; a null value leaves the field out.</summary>
    private static Dictionary<string, string> Fields(params (string Name, string? Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["Frequency"] = "Weekly",
            ["Weekday"] = "Monday",
            ["SecondWeekday"] = "Thursday",
            ["DayOfMonth"] = "1",
            ["LocalTime"] = "08:00",
            ["TimeZone"] = "",
            ["DueSoonDays"] = "3",
            ["PastDueReminder"] = "true",
        };
        foreach (var (name, value) in changes)
        {
            if (value is null)
            {
                fields.Remove(name);
            }
            else
            {
                fields[name] = value;
            }
        }

        return fields;
    }

    /// <summary>Asserts that the field's error is shown next to it and linked to it by aria-describedby and from the summary.</summary>
    private static void AssertFieldError(string html, string id, string error)
    {
        Assert.Contains($"<p id=\"{id}-error\" class=\"error\">{error}", html);
        Assert.Contains($"aria-describedby=\"{id}-hint {id}-error\"", html);
        Assert.Contains($"<li><a href=\"#{id}\">{error}", html);
    }

    private async Task<JsonElement> ReadScheduleAsync(string customerId) =>
        await (await fixture.Client.GetAsync($"/customers/{customerId}/digest-preferences", TestContext.Current.CancellationToken)).ReadJsonAsync();
}
