using DoSon.Bot.Channels.Telegram;
using DoSon.Bot.FakeApis.Telegram;
using DoSon.Bot.Messaging;
using FluentAssertions;

namespace DoSon.Bot.Tests.Channels.Telegram;

public class TelegramFormatTests
{
    [Fact]
    public void Escape_ShouldMakeMarkupCharactersPlainText()
    {
        var html = TelegramFormat.Escape("Báo cáo <b>& tổng hợp</b> > 5");

        html.Should().Be("Báo cáo &lt;b&gt;&amp; tổng hợp&lt;/b&gt; &gt; 5");
        FakeHtml.TryParse(html, out var plain, out _).Should().BeTrue();
        plain.Should().Be("Báo cáo <b>& tổng hợp</b> > 5");
    }

    [Fact]
    public void Split_WhenShortEnough_ShouldKeepOnePart()
    {
        TelegramFormat.Split("Một dòng").Should().Equal("Một dòng");
    }

    [Fact]
    public void Split_ShouldCutAtLineBreaksAndLoseNothing()
    {
        var text = string.Join("\n", Enumerable.Range(1, 400).Select(i => $"Dòng {i:D3} của báo cáo tiến độ"));

        var parts = TelegramFormat.Split(text, 1000);

        parts.Should().OnlyContain(p => p.Length <= 1000 && !p.StartsWith('\n'));
        string.Join("\n", parts).Should().Be(text);
    }

    [Fact]
    public void Split_WhenALineIsLongerThanTheLimit_ShouldCutAtSpacesThenAnywhere()
    {
        var words = string.Join(" ", Enumerable.Repeat("nhiệmvụ", 50));
        var solid = new string('x', 25);

        TelegramFormat.Split(words, 30).Should().OnlyContain(p => p.Length <= 30).And.HaveCountGreaterThan(10);
        TelegramFormat.Split(solid, 10).Should().Equal("xxxxxxxxxx", "xxxxxxxxxx", "xxxxx");
    }

    [Fact]
    public void Split_ShouldNeverCutASurrogatePairInHalf()
    {
        var text = "ab" + string.Concat(Enumerable.Repeat("😀", 10));

        var parts = TelegramFormat.Split(text, 5);

        parts.Should().OnlyContain(p => p.Length <= 5 && !char.IsHighSurrogate(p[p.Length - 1]));
        string.Concat(parts).Should().Be(text);
    }

    [Fact]
    public void Keyboard_ShouldCarryTheButtonsCallbackData()
    {
        var keyboard = TelegramFormat.Keyboard([[new ReplyButton("✅ Hoàn thành", "t:done:T1")], []]);

        keyboard!.InlineKeyboard.SelectMany(r => r).Should().ContainSingle(b => b.Text == "✅ Hoàn thành" && b.CallbackData == "t:done:T1");
        TelegramFormat.Keyboard([]).Should().BeNull();
    }
}
