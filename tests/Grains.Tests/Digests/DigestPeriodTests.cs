using TermSync.Digests;

namespace TermSync.Grains.Tests.Digests;

public sealed class DigestPeriodTests
{
    [Theory]
    [InlineData("2013-06-30", "2013-W26")]
    [InlineData("2013-07-01", "2013-W27")]
    [InlineData("2012-12-31", "2013-W01")]
    [InlineData("2021-01-03", "2020-W53")]
    public void Period_is_iso_week(string date, string expected)
    {
        Assert.Equal(expected, DigestPeriod.Of(DateOnly.Parse(date)));
    }
}
