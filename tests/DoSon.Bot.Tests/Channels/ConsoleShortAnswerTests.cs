using DoSon.Bot.Channels;
using DoSon.Bot.Domain;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Channels;

/// <summary>The terminal chat answers short answers through the same <see cref="Conversation"/> as
/// Zalo and Telegram.</summary>
public sealed class ConsoleShortAnswerTests
{
    [Fact]
    public async Task After_chitiet_a_short_answer_on_the_console_changes_the_task_and_hoan_tac_puts_it_back()
    {
        await using var bot = await BotHarness.CreateAsync();
        var conversation = bot.Get<Conversation>();
        async Task<string> SayAsync(string text) => (await conversation.AnswerAsync(WardData.UbndOfficer, text, "console", CancellationToken.None)).Text;

        var before = await SayAsync("xong");
        await SayAsync("/chitiet T1");
        var percent = await SayAsync("60%");
        var atSixty = (await bot.Store.FindTaskAsync("T1"))!.Percent;
        var undone = await SayAsync("hoàn tác");

        before.Should().Contain("/chitiet").And.Contain("T1");
        percent.Should().Contain("T1 — Nhiệm vụ T1").And.Contain("60%");
        atSixty.Should().Be(60);
        undone.Should().Contain("Đã hoàn tác");
        (await bot.Store.FindTaskAsync("T1"))!.Percent.Should().Be(0);
        (await bot.Store.GetHistoryAsync("T1")).Where(h => h.MemberCode == "CB-DC").Should().OnlyContain(h => h.Channel == "console");
    }

    [Fact]
    public async Task Text_that_is_no_short_answer_without_a_current_task_gets_the_usual_answer()
    {
        await using var bot = await BotHarness.CreateAsync();

        var answer = await bot.Get<Conversation>().AnswerAsync(WardData.UbndOfficer, "xin chào", "console", CancellationToken.None);

        answer.Text.Should().Be(DoSon.Bot.Commands.CommandTexts.NotACommand);
    }
}
