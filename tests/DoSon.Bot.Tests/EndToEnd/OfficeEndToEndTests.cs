using System.Text.RegularExpressions;
using DoSon.Bot.Domain;
using FluentAssertions;

namespace DoSon.Bot.Tests.EndToEnd;

/// <summary>The office's work from chat, as it runs against the fake Telegram and Zalo servers: /moi
/// makes an invite that links, /thanhvien lists the members, both for admins only; and a finished task
/// is reopened only through the «Mở lại nhiệm vụ» button or the confirmed command.</summary>
public sealed partial class OfficeEndToEndTests
{
    private const long Admin = 1001;
    private const long Leader = 1002;
    private const long Officer = 1003;

    [GeneratedRegex(@"\?start=([A-Z0-9]{12})")]
    private static partial Regex StartCode();

    [Fact]
    public async Task On_telegram_an_admin_invites_with_moi_and_the_link_links_the_member()
    {
        await using var world = await TelegramWorld.StartAsync();

        world.Fake.SendText(Admin, "/moi CB-DC");
        var invite = await world.MessageAsync(Admin);
        var code = StartCode().Match(invite.Text!).Groups[1].Value;
        world.Fake.SendText(2001, "/start " + code);
        var welcome = await world.MessageAsync(2001);

        invite.Text.Should().StartWith("Mã liên kết cho CB-DC").And.Contain($"https://t.me/{world.Fake.BotUsername}?start={code}");
        welcome.Text.Should().Contain("Đã liên kết");
        (await world.Bot.Store.FindMemberByTelegramAsync(2001))!.Code.Should().Be("CB-DC");
    }

    [Fact]
    public async Task On_telegram_thanhvien_lists_the_members_for_an_admin_and_refuses_a_leader()
    {
        await using var world = await TelegramWorld.StartAsync();
        await world.Bot.Store.SetTelegramUserAsync("CB-DC", null);

        world.Fake.SendText(Admin, "/thanhvien");
        var list = await world.MessageAsync(Admin);
        world.Fake.SendText(Leader, "/thanhvien");
        var refused = await world.MessageAsync(Leader);
        world.Fake.SendText(Leader, "/moi CB-DC");
        var refusedInvite = await world.MessageAsync(Leader, 2);

        list.Text.Should().StartWith("Thành viên (4): 0 không nhận được tin nhắn, 1 chưa liên kết tài khoản nào, 3 đã liên kết.")
            .And.Contain("Chưa liên kết tài khoản nào (không nhận được nhắc việc):\n• CB-DC");
        refused.Text.Should().Be("Lệnh /thanhvien chỉ dành cho quản trị viên (Văn phòng Đảng ủy).\nCách dùng: /thanhvien [mã thành viên]");
        refusedInvite.Text.Should().Be("Lệnh /moi chỉ dành cho quản trị viên (Văn phòng Đảng ủy).\nCách dùng: /moi <mã thành viên>");
    }

    [Fact]
    public async Task On_telegram_the_admins_menu_holds_moi_and_thanhvien_and_the_public_menu_does_not()
    {
        await using var world = await TelegramWorld.StartAsync();
        await world.Fake.WaitUntilAsync(() => world.Fake.Commands.ContainsKey("chat:1001")).WaitAsync(BotHost.Patience);

        var menus = world.Fake.Commands;

        menus["chat:1001"].Select(c => c.Command).Should().Contain(["moi", "thanhvien"]);
        menus["default"].Select(c => c.Command).Should().NotContain(["moi", "thanhvien"]);
        menus["chat:1002"].Select(c => c.Command).Should().NotContain(["moi", "thanhvien"]);
    }

    [Fact]
    public async Task On_zalo_an_admin_invites_and_lists_members_and_a_member_is_refused()
    {
        await using var world = await ZaloWorld.StartAsync();

        world.Fake.SendText(ZaloWorld.Admin, "/moi CB-DC");
        var invite = await world.MessageAsync(ZaloWorld.Admin);
        world.Fake.SendText(ZaloWorld.Admin, "/thanhvien CB-DC");
        var one = await world.MessageAsync(ZaloWorld.Admin, 2);
        world.Fake.SendText(ZaloWorld.Officer, "/thanhvien");
        var refused = await world.MessageAsync(ZaloWorld.Officer);

        invite.Text.Should().StartWith("Mã liên kết cho CB-DC").And.MatchRegex(@"/lienket [A-Z0-9]{12}");
        one.Text.Should().StartWith("CB-DC — Cán bộ địa chính").And.Contain($"Zalo: đã liên kết (mã {ZaloWorld.Officer})");
        refused.Text.Should().Be("Lệnh /thanhvien chỉ dành cho quản trị viên (Văn phòng Đảng ủy).\nCách dùng: /thanhvien [mã thành viên]");
    }

    [Fact]
    public async Task On_zalo_reopening_a_finished_task_asks_for_the_command_and_the_command_reopens_it()
    {
        await using var world = await ZaloWorld.StartAsync();
        world.Fake.SendText(ZaloWorld.Officer, "/xong T1");
        await world.MessageAsync(ZaloWorld.Officer);

        world.Fake.SendText(ZaloWorld.Officer, "/capnhat T1 20");
        var ask = await world.MessageAsync(ZaloWorld.Officer, 2);
        world.Fake.SendText(ZaloWorld.Officer, "/capnhat T1 20 molai");
        var reopened = await world.MessageAsync(ZaloWorld.Officer, 3);

        ask.Text.Should().EndWith("gõ:\n/capnhat T1 20 mởlại");
        reopened.Text.Should().StartWith("Đã mở lại nhiệm vụ T1: đang thực hiện 20%");
        (await world.Bot.Store.GetHistoryAsync("T1"))[^1].Kind.Should().Be(ProgressKind.Reopened);
    }

    [Fact]
    public async Task On_telegram_the_reopen_button_reopens_the_task_and_the_history_names_who()
    {
        await using var world = await TelegramWorld.StartAsync();
        world.Fake.SendText(Officer, "/xong T1");
        await world.MessageAsync(Officer);

        world.Fake.SendText(Officer, "/capnhat T1 20");
        var ask = await world.MessageAsync(Officer, 2);
        (await world.Bot.Store.FindTaskAsync("T1"))!.IsDone.Should().BeTrue("asking changes nothing");
        var press = world.Fake.PressButton(Officer, ask, "Mở lại nhiệm vụ");
        await world.Fake.WaitUntilAsync(() => world.Fake.AnswerOf(press.CallbackQueryId!) is not null).WaitAsync(BotHost.Patience);

        world.Fake.AnswerOf(press.CallbackQueryId!)!.Text.Should().Be("Đã mở lại nhiệm vụ T1: đang thực hiện 20%.");
        var task = (await world.Bot.Store.FindTaskAsync("T1"))!;
        (task.Status, task.Percent).Should().Be((WorkTaskStatus.InProgress, 20));
        var last = (await world.Bot.Store.GetHistoryAsync("T1"))[^1];
        (last.Kind, last.MemberCode, last.Channel).Should().Be((ProgressKind.Reopened, "CB-DC", "telegram"));

        var count = (await world.Bot.Store.GetHistoryAsync("T1")).Count;
        await world.Fake.WaitUntilAsync(() => world.Fake.Message(Officer, ask.MessageId).EditCount > 0).WaitAsync(BotHost.Patience);
        world.Fake.Message(Officer, ask.MessageId).AllButtons.Select(b => b.Text).Should().NotContain("Mở lại nhiệm vụ", "the message now offers the open task's buttons");
        var again = world.Fake.PressButton(Officer, Officer, ask.MessageId, "t:reo:T1:20");
        await world.Fake.WaitUntilAsync(() => world.Fake.AnswerOf(again.CallbackQueryId!) is not null).WaitAsync(BotHost.Patience);
        (await world.Bot.Store.GetHistoryAsync("T1")).Should().HaveCount(count, "a second tap on a task no longer finished changes nothing");
    }
}
