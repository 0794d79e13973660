using System.Net;
using System.Text.RegularExpressions;
using DoSon.Bot.Channels;
using DoSon.Bot.Channels.Members;
using DoSon.Bot.Domain;
using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using DoSon.Bot.Web;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using QRCoder;

namespace DoSon.Bot.Tests.Web;

/// <summary>Thành viên and Nhắc việc over real HTTP, on the March sample, with Telegram's bot name set so
/// that an invite has its t.me link (no token: nothing is sent anywhere).</summary>
public sealed partial class MembersPageTests : IAsyncLifetime
{
    public const string BotName = "DoSonTestBot";

    private WebConsole _web = null!;

    public static IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Telegram:BotUsername"] = BotName };

    public async Task InitializeAsync() => _web = await WebConsole.StartAsync(Settings, marchSample: true);

    public async Task DisposeAsync() => await _web.DisposeAsync();

    private static Task<string> HtmlAsync(HttpResponseMessage response) => response.Content.ReadAsStringAsync();

    [Theory]
    [InlineData("/thanh-vien")]
    [InlineData("/nhac-viec")]
    public async Task Without_a_session_both_pages_send_to_signing_in(string path)
    {
        var response = await _web.Client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Contain("/can-dang-nhap");
    }

    [Theory]
    [InlineData("BT-TDP8", HttpStatusCode.Forbidden, false)]
    [InlineData("CC-VHXH", HttpStatusCode.Forbidden, false)]
    [InlineData("CT-UBND", HttpStatusCode.OK, false)]
    [InlineData("TCA", HttpStatusCode.OK, false)]
    [InlineData("CVP", HttpStatusCode.OK, true)]
    [InlineData("BT", HttpStatusCode.OK, true)]
    public async Task Members_page_is_for_leaders_and_admins_and_only_admins_get_the_forms(string member, HttpStatusCode status, bool admin)
    {
        var client = await _web.SignedInClientAsync(member);

        var response = await client.GetAsync("/thanh-vien");
        var html = await HtmlAsync(response);

        response.StatusCode.Should().Be(status);
        if (status == HttpStatusCode.Forbidden)
        {
            html.Should().Contain(WebTexts.MembersOnlyLeaders).And.NotContain("data-member=");
            return;
        }

        html.Should().Contain("data-member=\"CC-VHXH\"");
        html.Contains(WebTexts.CreateInvite + "</button>").Should().Be(admin);
        html.Contains("MemberEdit.Title").Should().Be(admin);
    }

    [Fact]
    public async Task Link_statuses_and_their_order_are_those_of_thanhvien()
    {
        await _web.Bot.Store.SetUnreachableAsync("CC-DCXD", true);
        await _web.Bot.Store.SetTelegramUserAsync("CT-UBND", 5550001);
        await _web.Bot.Store.SetZaloUserAsync("TCA", "zalo-tca");
        var members = await _web.Bot.Store.GetMembersAsync();
        var client = await _web.SignedInClientAsync("CT-HDND");

        var html = await HtmlAsync(await client.GetAsync("/thanh-vien"));

        var rows = MemberRow().Matches(html).Select(m => (Code: m.Groups[1].Value, State: m.Groups[2].Value)).ToList();
        rows.Select(r => r.Code).Should().Equal(MemberDirectory.InOrder(members).Select(m => m.Code));
        rows.Should().Equal(MemberDirectory.InOrder(members).Select(m => (m.Code, MemberDirectory.StateOf(m).ToString())));
        rows[0].Should().Be(("CC-DCXD", nameof(LinkState.Unreachable)));
        var chat = await _web.Bot.Services.GetRequiredService<Conversation>().AnswerAsync(members.Single(m => m.Code == "CVP"), "/thanhvien", "console", CancellationToken.None);
        var heading = chat.Text.Split('\n')[0];
        WebUtility.HtmlDecode(html).Should().Contain(heading)
            .And.Contain(MemberTexts.Telegram(members.Single(m => m.Code == "CT-UBND")))
            .And.Contain(MemberTexts.Zalo(members.Single(m => m.Code == "TCA")))
            .And.Contain(MemberTexts.GroupHeading(LinkState.NeverLinked));
    }

    [Fact]
    public async Task An_admin_makes_an_invite_whose_code_link_and_qr_are_shown_and_whose_code_links_the_account()
    {
        var client = await _web.SignedInClientAsync("CVP");

        var response = await WebConsole.PostFormAsync(client, "/thanh-vien", [new("code", "BT-DK")], "/thanh-vien?handler=Invite");
        var html = await HtmlAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var code = InviteCode().Match(html).Groups[1].Value;
        code.Should().HaveLength(ChatInvites.CodeLength);
        var link = $"https://t.me/{BotName}?start={code}";
        html.Should().Contain($"href=\"{link}\"");
        // The same link drawn again by QRCoder gives the very same picture.
        using var data = QRCodeGenerator.GenerateQrCode(link, QRCodeGenerator.ECCLevel.M);
        var expected = new SvgQRCode(data).GetGraphic(6);
        html.Should().Contain(expected);
        html.Should().NotContain("style=", "the CSP allows no inline style");

        var linked = await _web.Bot.Services.GetRequiredService<ChatLinking>().LinkAsync(ChatAccount.Telegram(4242), code);

        linked.Linked!.Code.Should().Be("BT-DK");
        (await _web.Bot.Store.FindMemberAsync("BT-DK"))!.TelegramUserId.Should().Be(4242);
    }

    [Theory]
    [InlineData("CT-UBND", "Invite")]
    [InlineData("CT-UBND", "Member")]
    [InlineData("CT-UBND", "Milestone")]
    [InlineData("BT-TDP8", "Unit")]
    public async Task Leaders_and_members_cannot_invite_or_edit(string member, string handler)
    {
        var client = await _web.SignedInClientAsync(member);
        var token = WebConsole.AntiforgeryToken(await HtmlAsync(await client.GetAsync("/nhac-viec")));
        var before = await _web.Bot.Store.FindMemberAsync("CC-VHXH");

        var response = await client.PostAsync("/thanh-vien?handler=" + handler, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["code"] = "CC-VHXH",
            ["MemberEdit.Code"] = "CC-VHXH",
            ["MemberEdit.Name"] = "Lê Văn X",
            ["MemberEdit.Title"] = "Đổi bởi người không có quyền",
            ["MemberEdit.Units"] = "UBND",
            ["MemberEdit.Role"] = "admin",
            ["UnitEdit.Code"] = "MOI",
            ["UnitEdit.Name"] = "Đơn vị mới",
            ["MilestoneEdit.Code"] = "BAUCU",
            ["MilestoneEdit.Name"] = "Bầu cử",
            ["MilestoneEdit.Date"] = "20/03/2026",
        }));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await HtmlAsync(response)).Should().Contain(WebTexts.OnlyAdmins).And.NotContain("invite-code");
        (await _web.Bot.Store.FindMemberAsync("CC-VHXH")).Should().BeEquivalentTo(before);
        (await _web.Bot.Store.GetUnitsAsync()).Should().NotContain(u => u.Code == "MOI");
        (await _web.Bot.Store.FindMilestoneAsync("BAUCU"))!.Date.Should().Be(new DateOnly(2026, 3, 15));
    }

    [Theory]
    [InlineData("Invite")]
    [InlineData("Member")]
    public async Task A_post_without_the_antiforgery_token_is_refused(string handler)
    {
        var client = await _web.SignedInClientAsync("CVP");

        var response = await client.PostAsync("/thanh-vien?handler=" + handler, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = "BT-DK",
            ["MemberEdit.Code"] = "CC-VHXH",
            ["MemberEdit.Title"] = "Không có mã chống giả mạo",
        }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await HtmlAsync(response)).Should().NotContain("invite-code");
        (await _web.Bot.Store.FindMemberAsync("CC-VHXH"))!.Title.Should().NotBe("Không có mã chống giả mạo");
    }

    [Fact]
    public async Task An_admin_edits_a_title_and_a_milestone_date_and_the_reminders_are_planned_again()
    {
        var client = await _web.SignedInClientAsync("CVP");
        var member = (await _web.Bot.Store.FindMemberAsync("CC-VHXH"))!;
        var edit = await client.GetAsync("/thanh-vien?sua=CC-VHXH");
        (await HtmlAsync(edit)).Should().Contain($"value=\"{member.Title}\"");

        var saved = await WebConsole.PostFormAsync(client, "/thanh-vien?sua=CC-VHXH",
        [
            new("MemberEdit.Code", member.Code), new("MemberEdit.Name", member.Name), new("MemberEdit.Title", "Công chức Văn hóa - Xã hội (mới)"),
            new("MemberEdit.Units", string.Join(", ", member.Units)), new("MemberEdit.Role", "member"),
        ], "/thanh-vien?handler=Member");

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await _web.Bot.Store.FindMemberAsync("CC-VHXH"))!.Should().BeEquivalentTo(member with { Title = "Công chức Văn hóa - Xã hội (mới)" });
        (await HtmlAsync(await client.GetAsync("/thanh-vien"))).Should().Contain(WebTexts.Saved).And.Contain("Công chức Văn hóa - Xã hội (mới)");

        var service = _web.Bot.Services.GetRequiredService<ReminderService>();
        var runs = service.Queue.Runs;
        var moved = await WebConsole.PostFormAsync(client, "/thanh-vien",
            [new("MilestoneEdit.Code", "BAUCU"), new("MilestoneEdit.Name", "Ngày bầu cử đại biểu Quốc hội khóa XVI và đại biểu HĐND các cấp"), new("MilestoneEdit.Date", "20/03/2026")],
            "/thanh-vien?handler=Milestone");

        moved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await _web.Bot.Store.FindMilestoneAsync("BAUCU"))!.Date.Should().Be(new DateOnly(2026, 3, 20));
        await ClockDriver.RunUntilAsync(_web.Bot.Clock, () => service.Queue.Runs > runs, ReminderService.ReplanDelay);
        var pending = (await _web.Bot.Services.GetRequiredService<IReminderStore>().GetReminderLogAsync(new ReminderLogQuery(ReminderState.Pending, Take: 10_000)))
            .Items.Where(r => r.MilestoneCode == "BAUCU").ToList();
        pending.Should().NotBeEmpty();
        pending.Max(r => DateOnly.FromDateTime(WardClock.ToLocal(r.DueAt).DateTime)).Should().Be(new DateOnly(2026, 3, 20));
    }

    [Fact]
    public async Task A_bad_milestone_date_is_refused_with_one_sentence_naming_the_field()
    {
        var client = await _web.SignedInClientAsync("CVP");

        var response = await WebConsole.PostFormAsync(client, "/thanh-vien",
            [new("MilestoneEdit.Code", "BAUCU"), new("MilestoneEdit.Name", "Bầu cử"), new("MilestoneEdit.Date", "31/02/2026")],
            "/thanh-vien?handler=Milestone");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await HtmlAsync(response)).Should().Contain("Trường «ngày»: ");
        (await _web.Bot.Store.FindMilestoneAsync("BAUCU"))!.Date.Should().Be(new DateOnly(2026, 3, 15));
    }

    [Fact]
    public async Task An_admin_adds_a_unit_and_a_member_of_it()
    {
        var client = await _web.SignedInClientAsync("BT");

        (await WebConsole.PostFormAsync(client, "/thanh-vien", [new("UnitEdit.Code", "CB-TDP9"), new("UnitEdit.Name", "Chi bộ Tổ dân phố 9")], "/thanh-vien?handler=Unit"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await WebConsole.PostFormAsync(client, "/thanh-vien",
        [
            new("MemberEdit.Code", "BT-TDP9"), new("MemberEdit.Name", "Trần Thị Chín"), new("MemberEdit.Title", "Bí thư Chi bộ Tổ dân phố 9"),
            new("MemberEdit.Units", "CB-TDP9"), new("MemberEdit.Role", "member"),
        ], "/thanh-vien?handler=Member")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await _web.Bot.Store.FindMemberAsync("BT-TDP9")).Should().BeEquivalentTo(new Member("BT-TDP9", "Trần Thị Chín", "Bí thư Chi bộ Tổ dân phố 9", ["CB-TDP9"], MemberRole.Member));
        (await HtmlAsync(await client.GetAsync("/thanh-vien"))).Should().Contain("data-member=\"BT-TDP9\" data-state=\"NeverLinked\"");
    }

    [Fact]
    public async Task A_member_of_an_unknown_unit_is_refused_naming_the_units_field()
    {
        var client = await _web.SignedInClientAsync("BT");

        var response = await WebConsole.PostFormAsync(client, "/thanh-vien",
        [
            new("MemberEdit.Code", "BT-TDP9"), new("MemberEdit.Name", "Trần Thị Chín"), new("MemberEdit.Title", "Bí thư"),
            new("MemberEdit.Units", "KHONGCO"), new("MemberEdit.Role", "member"),
        ], "/thanh-vien?handler=Member");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await HtmlAsync(response)).Should().Contain("Trường «đơn vị»: ");
        (await _web.Bot.Store.FindMemberAsync("BT-TDP9")).Should().BeNull();
    }

    // ------------------------------------------------------------ Nhắc việc

    [Theory]
    [InlineData("CVP")]
    [InlineData("CT-UBND")]
    public async Task Leaders_and_admins_see_the_wards_log_with_what_went_wrong_and_for_whom(string viewer)
    {
        var reminders = _web.Bot.Services.GetRequiredService<IReminderStore>();
        var failed = (await reminders.GetReminderLogAsync(new ReminderLogQuery(ReminderState.Pending, MemberCode: "CC-DCXD")))!.Items[0];
        await reminders.CompleteAsync([failed.Key], ReminderState.Failed, _web.Bot.Clock.GetUtcNow(), "Telegram: tài khoản đã chặn bot");
        var client = await _web.SignedInClientAsync(viewer);

        var response = await client.GetAsync("/nhac-viec?trangthai=Failed");
        var html = WebUtility.HtmlDecode(await HtmlAsync(response));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("Telegram: tài khoản đã chặn bot").And.Contain("(CC-DCXD)").And.Contain(WebTexts.StateName(ReminderState.Failed));
        StateCells().Matches(html).Select(m => m.Groups[1].Value).Should().Equal(nameof(ReminderState.Failed));
        html.Should().Contain(WardClock.Format(failed.SendAt));
    }

    [Fact]
    public async Task A_member_sees_only_the_reminders_sent_to_them_whatever_they_ask_for()
    {
        var client = await _web.SignedInClientAsync("BT-TDP8");

        var html = WebUtility.HtmlDecode(await HtmlAsync(await client.GetAsync("/nhac-viec?nguoi=CVP")));

        var recipients = Recipients().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
        recipients.Should().Equal("BT-TDP8");
        html.Should().Contain(WebTexts.RemindersOwnOnly).And.NotContain("name=\"nguoi\"");
    }

    [Fact]
    public async Task The_log_filters_by_task_and_dates_and_is_newest_first_and_paged()
    {
        var client = await _web.SignedInClientAsync("CVP");
        var all = await _web.Bot.Services.GetRequiredService<IReminderStore>().GetReminderLogAsync(new ReminderLogQuery(Take: 100_000));
        var task = all.Items.First(r => r.TaskCode is not null).TaskCode!;

        var html = WebUtility.HtmlDecode(await HtmlAsync(await client.GetAsync($"/nhac-viec?nhiemvu={task}&tu=01/03/2026&den=31/03/2026")));

        var times = TimeCells().Matches(html).Select(m => DateTime.ParseExact(m.Groups[1].Value, "dd/MM/yyyy HH:mm", null)).ToList();
        times.Should().NotBeEmpty().And.BeInDescendingOrder();
        html.Should().NotContain(all.Items.First(r => r.TaskCode != task && r.TaskCode is not null).Key.Split(':')[1] + "</strong>");

        all.Total.Should().BeGreaterThan(100, "the sample plans more than a page");
        var first = WebUtility.HtmlDecode(await HtmlAsync(await client.GetAsync("/nhac-viec")));
        first.Should().Contain(WebTexts.ReminderCount(100, 0, all.Total)).And.Contain(WebTexts.NextPage);
        var second = WebUtility.HtmlDecode(await HtmlAsync(await client.GetAsync("/nhac-viec?trang=2")));
        second.Should().Contain(WebTexts.ReminderCount(Math.Min(100, all.Total - 100), 100, all.Total)).And.Contain(WebTexts.PreviousPage);
    }

    [Fact]
    public async Task A_date_filter_that_is_not_a_date_is_refused_naming_the_field()
    {
        var client = await _web.SignedInClientAsync("CVP");

        var response = await client.GetAsync("/nhac-viec?tu=2026-03-01");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await HtmlAsync(response)).Should().Contain(WebTexts.BadFilterDate(WebTexts.FilterFrom, "2026-03-01"));
    }

    [GeneratedRegex("data-member=\"([^\"]+)\" data-state=\"([^\"]+)\"")]
    private static partial Regex MemberRow();

    [GeneratedRegex("class=\"invite-code\">([A-Z0-9]+)<")]
    private static partial Regex InviteCode();

    [GeneratedRegex("<tr data-state=\"([A-Za-z]+)\">")]
    private static partial Regex StateCells();

    [GeneratedRegex("<span class=\"muted\">\\(([^)]+)\\)</span>")]
    private static partial Regex Recipients();

    [GeneratedRegex("<td class=\"num\">(\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d)</td>")]
    private static partial Regex TimeCells();
}
