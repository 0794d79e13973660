using DoSon.Bot.Channels.Members;
using DoSon.Bot.Cli;
using DoSon.Bot.Hosting;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Channels;

/// <summary>/moi and /thanhvien: the office's work with members, from chat, for admins only; and
/// `members list` for scripts.</summary>
public sealed class MembersChatTests : IAsyncLifetime
{
    private static readonly string[] WorstFirst = ["• TCA", "• CB-DC", "• CT-UBND", "• CVP"];

    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHarness.CreateAsync(new Dictionary<string, string?> { ["Telegram:BotUsername"] = "DoSonNhacViecBot" });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Moi_makes_the_same_invite_as_the_command_line_verb()
    {
        var answer = await _bot.SayAsync(WardData.Admin, "/moi cb-dc");

        answer.Should().StartWith("Mã liên kết cho CB-DC — Cán bộ địa chính (Công chức địa chính): ")
            .And.Contain("Mã chỉ dùng được một lần, hết hạn lúc 15/03/2026 08:00.")
            .And.MatchRegex(@"https://t\.me/DoSonNhacViecBot\?start=[A-Z0-9]{12}");
    }

    [Theory]
    [InlineData("/moi")]
    [InlineData("/moi CB-DC CVP")]
    public async Task Moi_without_one_member_code_says_how_to_call_it(string text)
    {
        (await _bot.SayAsync(WardData.Admin, text)).Should().Be("Cách dùng: /moi <mã thành viên>");
    }

    [Fact]
    public async Task Moi_for_an_unknown_member_points_to_thanhvien()
    {
        (await _bot.SayAsync(WardData.Admin, "/moi CB-XX")).Should().Be("Không có thành viên mã «CB-XX». Gõ /thanhvien để xem mã các thành viên.");
    }

    [Theory]
    [InlineData("/moi CB-DC", "Lệnh /moi chỉ dành cho quản trị viên (Văn phòng Đảng ủy).\nCách dùng: /moi <mã thành viên>")]
    [InlineData("/thanhvien", "Lệnh /thanhvien chỉ dành cho quản trị viên (Văn phòng Đảng ủy).\nCách dùng: /thanhvien [mã thành viên]")]
    public async Task A_leader_or_member_is_told_who_may_and_how_to_call_it(string text, string refusal)
    {
        (await _bot.SayAsync(WardData.UbndLeader, text)).Should().Be(refusal);
        (await _bot.SayAsync(WardData.UbndOfficer, text)).Should().Be(refusal);
    }

    [Fact]
    public async Task Thanhvien_lists_the_unreachable_then_the_never_linked_then_the_linked()
    {
        await _bot.Store.SetUnreachableAsync("TCA", true);
        await _bot.Store.SetTelegramUserAsync("CB-DC", null);

        var answer = await _bot.SayAsync(WardData.Admin, "/thanhvien");

        answer.Should().StartWith("Thành viên (4): 1 không nhận được tin nhắn, 1 chưa liên kết tài khoản nào, 2 đã liên kết.");
        var order = WorstFirst.Select(c => answer.IndexOf(c, StringComparison.Ordinal)).ToList();
        order.Should().OnlyContain(i => i >= 0).And.BeInAscendingOrder();
        answer.Should().Contain("• CB-DC — Cán bộ địa chính (Công chức địa chính) · Telegram: chưa liên kết · Zalo: chưa liên kết")
            .And.EndWith(MemberTexts.ListHint);
    }

    [Fact]
    public async Task Thanhvien_with_a_code_shows_one_member_and_how_to_invite_them()
    {
        await _bot.Store.SetTelegramUserAsync("CB-DC", null);

        var answer = await _bot.SayAsync(WardData.Admin, "/thanhvien CB-DC");

        answer.Should().Be(string.Join("\n",
            "CB-DC — Cán bộ địa chính",
            "Chức danh: Công chức địa chính",
            "Đơn vị: Ủy ban nhân dân phường (UBND)",
            "Vai trò: thành viên",
            "Telegram: chưa liên kết",
            "Zalo: chưa liên kết",
            "Tình trạng: chưa liên kết tài khoản nào nên chưa nhận được nhắc việc.",
            "Tạo mã liên kết: /moi CB-DC"));
    }

    [Fact]
    public async Task Moi_and_thanhvien_are_in_an_admins_help_only()
    {
        (await _bot.SayAsync(WardData.Admin, "/trogiup")).Should().Contain("• /moi <mã thành viên> — ").And.Contain("• /thanhvien [mã thành viên] — ");
        (await _bot.SayAsync(WardData.UbndLeader, "/trogiup")).Should().NotContain("/moi").And.NotContain("/thanhvien");
    }

    [Fact]
    public async Task On_the_console_an_admin_invites_and_lists_members()
    {
        await using var bot = await BotHarness.CreateAsync(new Dictionary<string, string?> { ["Telegram:BotUsername"] = "DoSonNhacViecBot" }, input: "/moi CB-DC\n/thanhvien\n");

        await bot.Host.StartAsync();
        await bot.Output.WaitForAsync("Đã hết dữ liệu vào");

        var text = bot.Output.ToString();
        text.Should().Contain("> /moi CB-DC\nMã liên kết cho CB-DC").And.MatchRegex(@"https://t\.me/DoSonNhacViecBot\?start=[A-Z0-9]{12}");
        text.Should().Contain("> /thanhvien\nThành viên (4):");
        await bot.Host.StopAsync();
    }

    [Fact]
    public async Task On_the_console_a_member_is_refused()
    {
        await using var bot = await BotHarness.CreateAsync(new Dictionary<string, string?> { ["Console:Member"] = "CB-DC" }, input: "/moi CVP\n");

        await bot.Host.StartAsync();
        await bot.Output.WaitForAsync("Đã hết dữ liệu vào");

        bot.Output.ToString().Should().Contain("> /moi CVP\nLệnh /moi chỉ dành cho quản trị viên (Văn phòng Đảng ủy).\nCách dùng: /moi <mã thành viên>")
            .And.NotContain("Mã liên kết cho");
        await bot.Host.StopAsync();
    }

    [Fact]
    public async Task Members_list_prints_what_thanhvien_shows()
    {
        await _bot.Store.SetUnreachableAsync("TCA", true);
        using var output = new StringWriter();

        var exit = await _bot.Get<CliRunner>().RunAsync(CommandLine.Parse(["members", "list"]), output, CancellationToken.None);

        exit.Should().Be(ExitCodes.Ok);
        output.ToString().Should().Be(MemberDirectory.List(await _bot.Store.GetMembersAsync()) + Environment.NewLine);
        output.ToString().Should().StartWith("Thành viên (4): 1 không nhận được tin nhắn");
    }
}
