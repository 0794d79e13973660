using System.Net;
using System.Text.RegularExpressions;
using DoSon.Bot.Commands;
using DoSon.Bot.Domain;
using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;
using DoSon.Bot.Web;
using DoSon.Bot.Web.Pages.Tasks;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;

namespace DoSon.Bot.Tests.Web;

/// <summary>Withdrawing a task from its page (admins only) over real HTTP on the March sample, on
/// 10/03/2026 at 08:00: the reason is kept in the history, reminders stop, counts and lists leave it out.</summary>
public sealed partial class TaskWithdrawPageTests : IAsyncLifetime
{
    private const string Code = "T2603-223-03";
    private const string Reason = "Đã giao lại cho Hội đồng nhân dân theo thông báo mới";

    private WebConsole _web = null!;

    public async Task InitializeAsync()
    {
        _web = await WebConsole.StartAsync(marchSample: true);
        _web.SetWardTime(new DateOnly(2026, 3, 10), new TimeOnly(8, 0));
    }

    public async Task DisposeAsync() => await _web.DisposeAsync();

    private IReminderStore Reminders => _web.Bot.Services.GetRequiredService<IReminderStore>();

    private static Task<HttpResponseMessage> WithdrawAsync(HttpClient client, string reason, bool confirm = true) =>
        WebConsole.PostFormAsync(client, "/nhiem-vu/" + Code,
            confirm ? [new("reason", reason), new("confirm", "true")] : [new("reason", reason)],
            $"/nhiem-vu/{Code}?handler=Withdraw");

    private static List<string> Codes(string html) => [.. TaskLink().Matches(html).Select(m => m.Groups[1].Value).Distinct()];

    private async Task<string> TongQuanAsync() =>
        (await _web.Bot.Services.GetRequiredService<CommandRouter>().RouteAsync((await _web.Bot.Store.FindMemberAsync("CVP"))!, "/tongquan", "test", CancellationToken.None)).Text;

    [Fact]
    public async Task An_admin_withdraws_a_task_with_a_reason_its_reminders_stop_and_its_page_says_who_when_and_why()
    {
        var admin = await _web.SignedInClientAsync("CVP");
        (await Reminders.GetRemindersOfTaskAsync(Code)).Should().Contain(r => r.State == ReminderState.Pending);
        (await WebConsole.PageAsync(admin, "/nhiem-vu/" + Code)).Should().Contain(WebTexts.WithdrawTitle).And.Contain(WebTexts.WithdrawReasonLabel);

        var response = await WithdrawAsync(admin, Reason);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Be("/nhiem-vu/" + Code);
        var task = (await _web.Bot.Store.FindTaskAsync(Code))!;
        task.Status.Should().Be(WorkTaskStatus.Withdrawn);
        var last = (await _web.Bot.Store.GetHistoryAsync(Code))[^1];
        (last.Kind, last.MemberCode, last.Channel, last.Note).Should().Be((ProgressKind.Withdrawn, "CVP", DetailModel.Channel, Reason));
        last.Changes.Should().Contain(c => c.Field == TaskField.Status && c.New == nameof(WorkTaskStatus.Withdrawn));
        (await Reminders.GetRemindersOfTaskAsync(Code)).Should().NotContain(r => r.State == ReminderState.Pending)
            .And.Contain(r => r.State == ReminderState.Cancelled);

        var page = await WebConsole.PageAsync(admin, "/nhiem-vu/" + Code);
        page.Should().Contain(WebTexts.Withdrawn(Code))
            .And.Contain(WebTexts.WithdrawnNotice(last.At, MemberName.Actor("CVP", (await _web.Bot.Store.GetMembersAsync()).ToDictionary(m => m.Code, StringComparer.OrdinalIgnoreCase)), Reason))
            .And.Contain("đã rút")
            .And.NotContain(WebTexts.MarkDone).And.NotContain(WebTexts.SetPercent).And.NotContain(WebTexts.AddNote)
            .And.NotContain(WebTexts.EditTask).And.NotContain(WebTexts.WithdrawButton);
        var leaderPage = await WebConsole.PageAsync(await _web.SignedInClientAsync("CT-UBND"), "/nhiem-vu/" + Code);
        leaderPage.Should().Contain(Reason).And.NotContain(WebTexts.MarkDone).And.NotContain(WebTexts.AddNote);
    }

    [Fact]
    public async Task A_withdrawn_task_is_left_out_of_tongquan_the_dashboard_and_the_list_unless_asked_for()
    {
        var admin = await _web.SignedInClientAsync("CVP");
        var dashboard = _web.Bot.Services.GetRequiredService<WebQueries>();
        var cvp = (await _web.Bot.Store.FindMemberAsync("CVP"))!;
        var before = (await dashboard.DashboardAsync(cvp)).Totals.Total;
        var overview = await TongQuanAsync();
        overview.Should().Contain($": {before} nhiệm vụ");
        Codes(await WebConsole.PageAsync(admin, "/nhiem-vu")).Should().Contain(Code);

        await WithdrawAsync(admin, Reason);

        (await dashboard.DashboardAsync(cvp)).Totals.Total.Should().Be(before - 1);
        (await TongQuanAsync()).Should().Contain($": {before - 1} nhiệm vụ");
        Codes(await WebConsole.PageAsync(admin, "/")).Should().NotContain(Code);
        Codes(await WebConsole.PageAsync(admin, "/nhiem-vu")).Should().NotContain(Code);
        Codes(await WebConsole.PageAsync(admin, "/nhiem-vu?trangthai=hoan-thanh")).Should().NotContain(Code);
        Codes(await WebConsole.PageAsync(admin, "/nhiem-vu?trangthai=da-rut")).Should().Equal(Code);
        Codes(await WebConsole.PageAsync(await _web.SignedInClientAsync("CC-VHXH"), "/nhiem-vu?trangthai=da-rut")).Should().Equal(Code);
        Codes(await WebConsole.PageAsync(await _web.SignedInClientAsync("BT-DK"), "/nhiem-vu?trangthai=da-rut")).Should().BeEmpty("a member sees only the withdrawn tasks they could see");
    }

    [Fact]
    public async Task The_monthly_report_leaves_it_out_of_its_figures_and_names_it_with_the_reason()
    {
        var reports = _web.Bot.Services.GetRequiredService<DoSon.Bot.Reports.ReportService>();
        var before = await reports.BuildAsync(2026, 3);
        var total = before.Sections.Sum(s => s.Rows.Count);
        before.ToText().Should().NotContain(DoSon.Bot.Reports.ReportTexts.Withdrawn);

        await WithdrawAsync(await _web.SignedInClientAsync("CVP"), Reason);

        var after = await reports.BuildAsync(2026, 3);
        after.Sections.Sum(s => s.Rows.Count).Should().Be(total - 1);
        after.Sections.SelectMany(s => s.Rows).Should().NotContain(r => r.Code == Code);
        after.Blocks[^1].Heading.Should().Be(DoSon.Bot.Reports.ReportTexts.Withdrawn);
        after.Blocks[^1].Lines.Should().ContainSingle().Which.Should().StartWith($"- {Code}: ").And.EndWith($"— rút ngày 10/03/2026; lý do: {Reason}.");
    }

    [Fact]
    public async Task Progress_on_a_withdrawn_task_is_refused_in_chat_and_on_the_web()
    {
        await WithdrawAsync(await _web.SignedInClientAsync("CVP"), Reason);
        var leader = (await _web.Bot.Store.FindMemberAsync("CT-UBND"))!;
        var refusal = CommandTexts.Withdrawn(Code, new DateOnly(2026, 3, 10));
        refusal.Should().Be($"Nhiệm vụ {Code} đã được rút ngày 10/03/2026, không cập nhật được.");
        var actions = _web.Bot.Services.GetRequiredService<TaskActions>();

        foreach (var request in new[] { TaskActionRequest.SetPercent(50), TaskActionRequest.Done(), TaskActionRequest.Blocker("Chưa có kinh phí"), TaskActionRequest.Note("ghi chú") })
        {
            var outcome = await actions.ApplyAsync(leader, Code, request, "telegram", TaskActionOrigin.Command);
            (outcome.Result, outcome.Text).Should().Be((TaskActionResult.Refused, refusal), request.Action.ToString());
        }

        var web = await _web.SignedInClientAsync("CT-UBND");
        var done = await WebConsole.PostFormAsync(web, "/nhiem-vu/" + Code, [], $"/nhiem-vu/{Code}?handler=Done");
        done.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await _web.Bot.Store.FindTaskAsync(Code))!.Status.Should().Be(WorkTaskStatus.Withdrawn);
        (await _web.Bot.Store.GetHistoryAsync(Code))[^1].Kind.Should().Be(ProgressKind.Withdrawn);
    }

    [Fact]
    public async Task The_reason_and_the_confirmation_are_required_and_named()
    {
        var admin = await _web.SignedInClientAsync("CVP");

        var empty = await WithdrawAsync(admin, "  ");
        empty.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()).Should().Contain(WebTexts.WithdrawReasonNeeded).And.Contain("«Lý do rút»");
        var unconfirmed = await WithdrawAsync(admin, Reason, confirm: false);
        WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync()).Should().Contain(WebTexts.WithdrawConfirmNeeded).And.Contain(Reason, "what was typed is kept");

        (await _web.Bot.Store.FindTaskAsync(Code))!.Status.Should().NotBe(WorkTaskStatus.Withdrawn);
    }

    [Theory]
    [InlineData("CT-UBND")]
    [InlineData("CC-VHXH")]
    public async Task Leaders_and_members_get_403(string member)
    {
        var client = await _web.SignedInClientAsync(member);

        var response = await WithdrawAsync(client, Reason);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain(WebTexts.WithdrawAdminsOnly);
        (await WebConsole.PageAsync(client, "/nhiem-vu/" + Code)).Should().NotContain(WebTexts.WithdrawButton);
        (await _web.Bot.Store.FindTaskAsync(Code))!.Status.Should().NotBe(WorkTaskStatus.Withdrawn);
    }

    [Fact]
    public async Task Without_the_antiforgery_token_the_withdrawal_is_refused()
    {
        var admin = await _web.SignedInClientAsync("CVP");

        var response = await admin.PostAsync($"/nhiem-vu/{Code}?handler=Withdraw",
            new FormUrlEncodedContent([new("reason", Reason), new("confirm", "true")]));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await _web.Bot.Store.FindTaskAsync(Code))!.Status.Should().NotBe(WorkTaskStatus.Withdrawn);
    }

    [GeneratedRegex("href=\"/nhiem-vu/(T[^\"/?]+)\"")]
    private static partial Regex TaskLink();
}
