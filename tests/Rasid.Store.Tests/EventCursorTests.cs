namespace Rasid.Store.Tests;

public sealed class EventCursorTests
{
    [Theory]
    [InlineData("")]
    [InlineData("not a cursor")]
    [InlineData("YzIJZGF0ZQkyMDE3LTA0LTI2CTAJZG9jLWEtMA")] // version c2
    public void Text_that_is_not_a_cursor_does_not_decode(string text) => Assert.False(EventCursor.TryDecode(text, out _));

    [Fact]
    public void A_cursor_survives_encoding() =>
        Assert.Equal(new EventCursor("fatalities", new DateOnly(2019, 12, 31), 12, "synth-0000042-1~ab"),
            EventCursor.Decode(new EventCursor("fatalities", new DateOnly(2019, 12, 31), 12, "synth-0000042-1~ab").Encode()));
}
