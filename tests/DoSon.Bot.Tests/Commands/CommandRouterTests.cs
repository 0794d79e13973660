using DoSon.Bot.Domain;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Commands;

public class CommandRouterTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHarness.CreateAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("/nhiemvu")]
    [InlineData("/NhiemVu")]
    [InlineData("/nhiệm_vụ")]
    [InlineData("/nhiemvu@DoSonBot")]
    [InlineData("  /nhiemvu  ")]
    public async Task Command_names_are_matched_with_or_without_diacritics_case_and_bot_name(string text)
    {
        var answer = await _bot.SayAsync(WardData.UbndOfficer, text);

        answer.Should().StartWith("Nhiệm vụ của đồng chí (đang mở:");
    }

    [Fact]
    public async Task Unknown_command_names_the_command_and_points_to_help()
    {
        var answer = await _bot.SayAsync(WardData.UbndOfficer, "/xoahet");

        answer.Should().Be("Không có lệnh /xoahet. Gõ /trogiup để xem danh sách lệnh.");
    }

    [Fact]
    public async Task A_refusal_says_who_may_in_one_sentence_and_the_usage_on_its_own_line()
    {
        var answer = await _bot.SayAsync(WardData.UbndOfficer, "/baocao 03/2026");

        answer.Should().Be("Lệnh /baocao chỉ dành cho lãnh đạo và quản trị viên.\nCách dùng: /baocao [MM/yyyy]");
    }

    [Theory]
    [InlineData("xin chào")]
    [InlineData("nhiemvu")]
    public async Task Text_that_is_not_a_command_gets_a_hint(string text)
    {
        var answer = await _bot.SayAsync(WardData.UbndOfficer, text);

        answer.Should().Contain("bắt đầu bằng dấu /");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u0000\u0001\u0002")]
    public async Task Empty_or_control_only_messages_are_answered(string text)
    {
        var answer = await _bot.SayAsync(WardData.UbndOfficer, text);

        answer.Should().Contain("Tin nhắn trống");
    }

    [Fact]
    public async Task A_very_long_message_is_refused_without_being_processed()
    {
        var answer = await _bot.SayAsync(WardData.Admin, "/capnhat T1 50 " + new string('x', 10_000));

        answer.Should().Contain("quá dài");
        (await _bot.Store.FindTaskAsync("T1"))!.Percent.Should().Be(0);
    }

    [Theory]
    [InlineData("/\ud800")]
    [InlineData("/capnhat \udfff 50")]
    [InlineData("/chitiet 👩‍👩‍👧‍👦")]
    [InlineData("/capnhat T1 50\u202e\u200b ghi chú lạ")]
    [InlineData("//////")]
    [InlineData("/@")]
    [InlineData("/ ")]
    public async Task Strange_text_never_crashes(string text)
    {
        var act = () => _bot.SayAsync(WardData.Admin, text);

        (await act.Should().NotThrowAsync()).Which.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Help_lists_only_the_commands_of_the_callers_role()
    {
        var member = await _bot.SayAsync(WardData.UbndOfficer, "/trogiup");
        var leader = await _bot.SayAsync(WardData.UbndLeader, "/trogiup");

        member.Should().Contain("/nhiemvu").And.Contain("/capnhat").And.NotContain("/tongquan");
        leader.Should().Contain("/tongquan");
    }

    [Fact]
    public async Task A_member_is_refused_a_leaders_command()
    {
        var answer = await _bot.SayAsync(WardData.UbndOfficer, "/tongquan");

        answer.Should().Contain("chỉ dành cho lãnh đạo");
    }

    [Fact]
    public void Every_command_name_is_valid_for_telegrams_menu()
    {
        _bot.Router.Handlers.Should().AllSatisfy(h =>
        {
            h.Name.Should().MatchRegex("^[a-z0-9_]{1,32}$");
            h.Description.Length.Should().BeInRange(1, 256);
            h.Usage.Should().StartWith("/" + h.Name);
        });
    }
}
