namespace TermSync.Digests;

/// <summary>What made a digest go out.</summary>
[GenerateSerializer, Alias("termsync.DigestReason")]
public enum DigestReason
{
    /// <summary>The customer's scheduled slot.</summary>
    Schedule = 0,

    /// <summary>An invoice entered the due-soon window of the customer's preferences.</summary>
    DueSoon = 1,

    /// <summary>An invoice became past due.</summary>
    PastDue = 2,

    /// <summary>A vendor asked through the API for a reminder to go out now.</summary>
    VendorRequest = 3,

    /// <summary>A digest cycle run through the API for a business date.</summary>
    Cycle = 4,
}
