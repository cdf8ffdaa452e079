using TermSync.Surveys;

namespace TermSync.Grains.Surveys;

[GenerateSerializer, Alias("termsync.VendorSurveysState")]
public sealed class VendorSurveysState
{
    /// <summary>Answers about the vendor in the order they arrived, at most one per survey id.</summary>
    [Id(0)]
    public List<VendorSurveyAnswer> Answers { get; set; } = [];
}
