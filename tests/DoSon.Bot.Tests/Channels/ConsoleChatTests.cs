using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Channels;

public class ConsoleChatTests
{
    [Fact]
    public async Task Piped_lines_are_answered_in_order_and_the_bot_keeps_running_at_the_end_of_input()
    {
        await using var bot = await BotHarness.CreateAsync(input: "/nhiemvu\n\n/capnhat T1 50 đang làm\n/moc\n");

        await bot.Host.StartAsync();
        await bot.Output.WaitForAsync("Đã hết dữ liệu vào");

        var text = bot.Output.ToString();
        text.Should().Contain("Đang trò chuyện với tư cách Chánh Văn phòng Đảng ủy (quản trị)");
        text.IndexOf("> /nhiemvu", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("Nhiệm vụ của đồng chí: không còn nhiệm vụ nào đang mở.", StringComparison.Ordinal));
        text.Should().Contain("> /capnhat T1 50 đang làm\nĐã ghi nhận. T1: đang thực hiện 50%");
        text.Should().Contain("còn 7 ngày");
        (await bot.Store.FindTaskAsync("T1"))!.Percent.Should().Be(50);
        (await bot.Store.GetHistoryAsync("T1"))[^1].Channel.Should().Be("console");

        await bot.Host.StopAsync();
    }

    [Fact]
    public async Task An_unknown_console_member_is_explained_instead_of_crashing()
    {
        await using var bot = await BotHarness.CreateAsync(new Dictionary<string, string?> { ["Console:Member"] = "KHONGCO" }, input: "/nhiemvu\n");

        await bot.Host.StartAsync();
        await bot.Output.WaitForAsync("Không có thành viên mã «KHONGCO»");
        await bot.Host.StopAsync();

        bot.Output.ToString().Should().NotContain("Nhiệm vụ đang mở");
    }
}
