using DoSon.Bot.Commands;
using FluentAssertions;

namespace DoSon.Bot.Tests.Commands;

public sealed class ShortAnswerParserTests
{
    [Theory]
    [InlineData("xong", ShortAnswerIntent.Done, null, 0, null, SnoozeTime.OneHour)]
    [InlineData("Xong.", ShortAnswerIntent.Done, null, 0, null, SnoozeTime.OneHour)]
    [InlineData("đã xong", ShortAnswerIntent.Done, null, 0, null, SnoozeTime.OneHour)]
    [InlineData("Hoàn thành", ShortAnswerIntent.Done, null, 0, null, SnoozeTime.OneHour)]
    [InlineData("hoan thanh", ShortAnswerIntent.Done, null, 0, null, SnoozeTime.OneHour)]
    [InlineData("75", ShortAnswerIntent.Percent, null, 75, null, SnoozeTime.OneHour)]
    [InlineData("50%", ShortAnswerIntent.Percent, null, 50, null, SnoozeTime.OneHour)]
    [InlineData("0", ShortAnswerIntent.Percent, null, 0, null, SnoozeTime.OneHour)]
    [InlineData("100 %", ShortAnswerIntent.Percent, null, 100, null, SnoozeTime.OneHour)]
    [InlineData("vướng: chưa có kinh phí", ShortAnswerIntent.Blocker, null, 0, "chưa có kinh phí", SnoozeTime.OneHour)]
    [InlineData("Vướng mắc: thiếu người", ShortAnswerIntent.Blocker, null, 0, "thiếu người", SnoozeTime.OneHour)]
    [InlineData("vuong het giay", ShortAnswerIntent.Blocker, null, 0, "het giay", SnoozeTime.OneHour)]
    [InlineData("vướng", ShortAnswerIntent.Blocker, null, 0, "", SnoozeTime.OneHour)]
    [InlineData("nhắc lại 1 giờ", ShortAnswerIntent.Snooze, null, 0, null, SnoozeTime.OneHour)]
    [InlineData("nhắc lại chiều nay", ShortAnswerIntent.Snooze, null, 0, null, SnoozeTime.ThisAfternoon)]
    [InlineData("nhắc lại mai", ShortAnswerIntent.Snooze, null, 0, null, SnoozeTime.NextMorning)]
    [InlineData("nhac lai mai", ShortAnswerIntent.Snooze, null, 0, null, SnoozeTime.NextMorning)]
    [InlineData("nhắc lại sau 1h", ShortAnswerIntent.Snooze, null, 0, null, SnoozeTime.OneHour)]
    [InlineData("ghi chú: đã họp tổ dân phố", ShortAnswerIntent.Note, null, 0, "đã họp tổ dân phố", SnoozeTime.OneHour)]
    [InlineData("ghi chu da gui ban", ShortAnswerIntent.Note, null, 0, "da gui ban", SnoozeTime.OneHour)]
    [InlineData("note: gọi lại sau", ShortAnswerIntent.Note, null, 0, "gọi lại sau", SnoozeTime.OneHour)]
    [InlineData("hoàn tác", ShortAnswerIntent.Undo, null, 0, null, SnoozeTime.OneHour)]
    [InlineData("hoan tac", ShortAnswerIntent.Undo, null, 0, null, SnoozeTime.OneHour)]
    [InlineData("2 xong", ShortAnswerIntent.Done, 2, 0, null, SnoozeTime.OneHour)]
    [InlineData("2 50", ShortAnswerIntent.Percent, 2, 50, null, SnoozeTime.OneHour)]
    [InlineData("2. vướng: chưa có kinh phí", ShortAnswerIntent.Blocker, 2, 0, "chưa có kinh phí", SnoozeTime.OneHour)]
    [InlineData("3 nhac lai chieu nay", ShortAnswerIntent.Snooze, 3, 0, null, SnoozeTime.ThisAfternoon)]
    [InlineData("150", ShortAnswerIntent.Unknown, null, 0, null, SnoozeTime.OneHour)]
    [InlineData("chào đồng chí", ShortAnswerIntent.Unknown, null, 0, null, SnoozeTime.OneHour)]
    [InlineData("ghi chú", ShortAnswerIntent.Unknown, null, 0, null, SnoozeTime.OneHour)]
    [InlineData("nhắc lại tuần sau", ShortAnswerIntent.Unknown, null, 0, null, SnoozeTime.OneHour)]
    [InlineData("xongxuôi", ShortAnswerIntent.Unknown, null, 0, null, SnoozeTime.OneHour)]
    [InlineData("2 hoàn tác", ShortAnswerIntent.Unknown, null, 0, null, SnoozeTime.OneHour)]
    [InlineData("", ShortAnswerIntent.Unknown, null, 0, null, SnoozeTime.OneHour)]
    public void A_short_answer_is_read_as_the_intent_it_says(string text, ShortAnswerIntent intent, int? number, int percent, string? said, SnoozeTime until)
    {
        var answer = ShortAnswerParser.Parse(text);

        answer.Intent.Should().Be(intent);
        answer.Number.Should().Be(number);
        answer.Percent.Should().Be(percent);
        if (said is not null)
        {
            answer.Text.Should().Be(said);
        }

        answer.Until.Should().Be(until);
    }

    [Theory]
    [InlineData("1h", SnoozeTime.OneHour)]
    [InlineData("1 giờ", SnoozeTime.OneHour)]
    [InlineData("chiều", SnoozeTime.ThisAfternoon)]
    [InlineData("chieu nay", SnoozeTime.ThisAfternoon)]
    [InlineData("mai", SnoozeTime.NextMorning)]
    [InlineData("sáng mai", SnoozeTime.NextMorning)]
    [InlineData("tối", null)]
    [InlineData("2h", null)]
    public void The_time_of_a_snooze_is_one_hour_this_afternoon_or_tomorrow_morning(string text, SnoozeTime? until) =>
        ShortAnswerParser.ParseWhen(text).Should().Be(until);
}
