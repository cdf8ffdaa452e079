using TermSync.Surveys;

namespace TermSync.Grains.Surveys;

[GenerateSerializer, Alias("termsync.CustomerSurveyState")]
public sealed class CustomerSurveyState
{
    /// <summary>Qualifications younger than <see cref="SurveyRules.OfferInterval"/>, oldest first, offered or not.</summary>
    [Id(0)]
    public List<QualificationEntry> Qualifications { get; set; } = [];

    /// <summary>Offered surveys with their answers, oldest first. The last one decides when the next offer may come.</summary>
    [Id(1)]
    public List<SurveyEntry> Surveys { get; set; } = [];

    /// <summary>Instant of the newest offer per vendor id, for the fairness rule.</summary>
    [Id(2)]
    public Dictionary<string, DateTimeOffset> LastSurveyedAt { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>A qualification, with the id of the survey it led to once its vendor was offered one.</summary>
[GenerateSerializer, Immutable, Alias("termsync.QualificationEntry")]
public sealed record QualificationEntry(
    [property: Id(0)] SurveyQualification Qualification,
    [property: Id(1)] string? SurveyId);

/// <summary>An offered survey and its answer, once answered.</summary>
[GenerateSerializer, Immutable, Alias("termsync.SurveyEntry")]
public sealed record SurveyEntry(
    [property: Id(0)] SurveyOffer Offer,
    [property: Id(1)] SurveyAnswer? Answer);
