using DoSon.Bot.Channels.Console;
using DoSon.Bot.Domain;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Domain;

/// <summary>One phrasing per distance, a member named once, the bot's own actors in Vietnamese.</summary>
public class VoiceTests
{
    private static readonly DateOnly Today = new(2026, 3, 8);

    [Theory]
    [InlineData(8, "hạn hôm nay (08/03/2026)")]
    [InlineData(9, "hạn ngày mai (09/03/2026)")]
    [InlineData(11, "còn 3 ngày (hạn 11/03/2026)")]
    [InlineData(7, "quá hạn 1 ngày (hạn 07/03/2026)")]
    [InlineData(6, "quá hạn 2 ngày (hạn 06/03/2026)")]
    public void A_distance_to_a_deadline_is_said_once(int day, string expected)
    {
        var task = WardData.LandTask with { Due = new DateOnly(2026, 3, day) };

        DueText.Of(task, Today).Should().Be(expected);
        DueText.Of(task with { Status = WorkTaskStatus.Done }, Today).Should().StartWith("đã xong (hạn ");
    }

    [Fact]
    public void A_member_stored_with_dc_is_named_once_after_dong_chi()
    {
        var member = new Member("CVP", "Đ/c Chánh Văn phòng", "Chánh Văn phòng Đảng ủy", ["VPDU"], MemberRole.Admin);
        var named = new Member("A", "Nguyễn Văn A", "Chánh Văn phòng Đảng ủy", ["VPDU"], MemberRole.Admin);

        MemberName.Address(member).Should().Be("đồng chí Chánh Văn phòng");
        MemberName.WithTitle(member).Should().Be("Chánh Văn phòng Đảng ủy");
        MemberName.WithTitle(named).Should().Be("Nguyễn Văn A (Chánh Văn phòng Đảng ủy)");
        MemberName.WithCode(member).Should().Be("đồng chí Chánh Văn phòng (CVP)");
    }

    [Fact]
    public void The_bots_own_actors_in_history_read_in_vietnamese_also_from_older_databases()
    {
        var members = new Dictionary<string, Member>(StringComparer.OrdinalIgnoreCase) { ["CVP"] = WardData.Admin };

        MemberName.Actor("seed", members).Should().Be("nạp dữ liệu mẫu");
        MemberName.Actor("cli", members).Should().Be("nhập từ tệp trên dòng lệnh");
        MemberName.Actor("CVP", members).Should().Be("Chánh Văn phòng Đảng ủy");
    }

    [Fact]
    public async Task Chitiet_shows_the_seeded_history_as_nap_du_lieu_mau()
    {
        await using var bot = await BotHarness.CreateAsync();

        var answer = await bot.SayAsync(WardData.Admin, "/chitiet T1");

        answer.Should().Contain("· nạp dữ liệu mẫu ·").And.NotContain("hệ thống (seed)");
    }

    [Fact]
    public void The_console_heading_says_for_whom()
    {
        ConsoleTexts.Heading(WardData.Police, "TCA", atKeyboard: false).Should().Be("🔔 Bot → đồng chí Trưởng Công an (TCA):");
        ConsoleTexts.Heading(WardData.Admin, "CVP", atKeyboard: true).Should().Be("🔔 Bot → đồng chí Chánh Văn phòng (CVP) (đồng chí đang trò chuyện):");
        ConsoleTexts.Heading(null, "X", atKeyboard: false).Should().Be("🔔 Bot → X:");
    }

    [Fact]
    public async Task The_greeting_names_the_member_once()
    {
        await using var bot = await BotHarness.CreateAsync(seedWard: false);
        (await bot.Get<DoSon.Bot.Import.AssignmentImporter>()
            .ImportAsync(Path.Combine(AppContext.BaseDirectory, "data", "sample", "thang-03-2026.json"), dryRun: false, "seed"))
            .Succeeded.Should().BeTrue();

        var answer = await bot.SayAsync((await bot.Store.FindMemberAsync("CVP"))!, "/trogiup");

        answer.Should().StartWith("Xin chào đồng chí Chánh Văn phòng. Các lệnh đồng chí dùng được:");
    }
}
