namespace TermSync.Digests;

/// <summary>How often a customer's scheduled digest goes out.</summary>
[GenerateSerializer, Alias("termsync.DigestFrequency")]
public enum DigestFrequency
{
    /// <summary>Once a week on <see cref="DigestPreferences.Weekday"/>.</summary>
    Weekly = 0,

    /// <summary>On <see cref="DigestPreferences.Weekday"/> and on <see cref="DigestPreferences.SecondWeekday"/>.</summary>
    TwiceWeekly = 1,

    /// <summary>Once a month on <see cref="DigestPreferences.DayOfMonth"/>.</summary>
    Monthly = 2,

    /// <summary>No digests of any kind: scheduled, due-soon, past-due or requested by a vendor.</summary>
    Unsubscribed = 3,
}
