using TermSync.Importer.Replay;

namespace TermSync.Importer.Tests.Replay;

public sealed class DisputeConversationsTests
{
    [Theory]
    [InlineData("0000611365", "dispute-0000611365")]
    [InlineData("INV-000001", "dispute-INV-000001")]
    [InlineData("a.b_c", "dispute-a.b_c")]
    public void Conversation_id_keeps_valid_invoice_number(string invoiceNumber, string expected)
    {
        Assert.Equal(expected, DisputeConversations.ConversationIdFor(invoiceNumber));
    }

    [Theory]
    [InlineData("INV 2024/7")]
    [InlineData("Rechnung-Ä1")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567")]
    public void Conversation_id_hashes_other_invoice_numbers(string invoiceNumber)
    {
        var conversationId = DisputeConversations.ConversationIdFor(invoiceNumber);

        Assert.Matches("^dispute_[0-9a-f]{32}$", conversationId);
        Assert.Equal(conversationId, DisputeConversations.ConversationIdFor(invoiceNumber));
    }

    [Fact]
    public void Conversation_id_differs_per_invoice()
    {
        Assert.NotEqual(DisputeConversations.ConversationIdFor("INV 1"), DisputeConversations.ConversationIdFor("INV 2"));
    }

    [Theory]
    [InlineData("pricing", "pricing")]
    [InlineData("damaged-goods", "damagedGoods")]
    [InlineData("NOT_RECEIVED", "notReceived")]
    [InlineData("duplicateBilling", "duplicateBilling")]
    [InlineData("late delivery", "other")]
    [InlineData("", "other")]
    [InlineData(null, "other")]
    public void Reason_maps_to_api_code(string? reason, string expected)
    {
        Assert.Equal(expected, DisputeConversations.ApiReasonFor(reason));
    }

    [Fact]
    public void Start_of_day_uses_zone_offset()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        var start = DisputeConversations.StartOfDay(new DateOnly(2013, 7, 1), zone);

        Assert.Equal(new DateTimeOffset(2013, 7, 1, 0, 0, 0, TimeSpan.FromHours(-4)), start);
        Assert.Equal(TimeSpan.FromHours(-4), start.Offset);
    }

    [Fact]
    public void Start_of_day_skips_missing_midnight()
    {
        // Santiago moved its clocks from 00:00 to 01:00 on 2023-09-03, so that day has no local midnight.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");

        var start = DisputeConversations.StartOfDay(new DateOnly(2023, 9, 3), zone);

        Assert.Equal(new DateTimeOffset(2023, 9, 3, 1, 0, 0, TimeSpan.FromHours(-3)), start);
        Assert.Equal(TimeSpan.FromHours(-3), start.Offset);
    }

    [Fact]
    public void Start_of_day_in_utc()
    {
        var start = DisputeConversations.StartOfDay(new DateOnly(2013, 1, 29), TimeZoneInfo.Utc);

        Assert.Equal(new DateTimeOffset(2013, 1, 29, 0, 0, 0, TimeSpan.Zero), start);
    }
}
