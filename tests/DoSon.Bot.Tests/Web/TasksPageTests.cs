using System.Net;
using System.Text.RegularExpressions;
using DoSon.Bot.Commands;
using DoSon.Bot.Domain;
using DoSon.Bot.Reminders;
using DoSon.Bot.Web;
using DoSon.Bot.Web.Pages.Tasks;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;

namespace DoSon.Bot.Tests.Web;

/// <summary>The Nhiệm vụ pages over real HTTP on the March sample, on 10/03/2026 at 08:00: the list's
/// filters and sorting, each role's rights, and the actions, recorded as chat records them.</summary>
public sealed partial class TasksPageTests : IAsyncLifetime
{
    private WebConsole _web = null!;

    public async Task InitializeAsync()
    {
        _web = await WebConsole.StartAsync(marchSample: true);
        _web.SetWardTime(new DateOnly(2026, 3, 10), new TimeOnly(8, 0));
    }

    public async Task DisposeAsync() => await _web.DisposeAsync();

    private IReminderStore Reminders => _web.Bot.Services.GetRequiredService<IReminderStore>();

    private static List<string> Codes(string html) => [.. TaskLink().Matches(html).Select(m => m.Groups[1].Value)];

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, string code, string handler, params (string Key, string Value)[] fields) =>
        WebConsole.PostFormAsync(client, "/nhiem-vu/" + code, fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)), $"/nhiem-vu/{code}?handler={handler}");

    [Theory]
    [InlineData("/nhiem-vu")]
    [InlineData("/nhiem-vu/T2603-223-03")]
    [InlineData("/nhiem-vu/tao-moi")]
    public async Task Without_a_session_the_pages_send_to_signing_in(string path)
    {
        var response = await _web.Client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain(WebSession.NeedSignInPath);
    }

    [Fact]
    public async Task A_member_sees_only_their_own_and_their_units_tasks_and_an_admin_the_ward()
    {
        var member = Codes(await WebConsole.PageAsync(await _web.SignedInClientAsync("CC-VHXH"), "/nhiem-vu"));
        var admin = Codes(await WebConsole.PageAsync(await _web.SignedInClientAsync("CVP"), "/nhiem-vu"));
        var leader = Codes(await WebConsole.PageAsync(await _web.SignedInClientAsync("TCA"), "/nhiem-vu"));

        member.Should().Contain("T2603-223-01").And.Contain("T2603-21-07", "UBND supports it").And.NotContain("T2603-21-02").And.NotContain("T2603-225-02");
        admin.Should().HaveCount(23);
        leader.Should().HaveCount(23, "a leader sees the ward");
    }

    [Fact]
    public async Task Filters_by_unit_status_section_milestone_dates_and_text_without_diacritics()
    {
        var admin = await _web.SignedInClientAsync("CVP");

        Codes(await WebConsole.PageAsync(admin, "/nhiem-vu?donvi=BCHQS")).Should().BeEquivalentTo("T2603-221-01", "T2603-225-01", "T2603-225-02");
        Codes(await WebConsole.PageAsync(admin, "/nhiem-vu?moc=BAUCU")).Should().BeEquivalentTo("T2603-21-03", "T2603-21-04", "T2603-21-07", "T2603-21-08", "T2603-223-04");
        Codes(await WebConsole.PageAsync(admin, "/nhiem-vu?muc=2.2.5")).Should().BeEquivalentTo("T2603-225-01", "T2603-225-02");
        Codes(await WebConsole.PageAsync(admin, "/nhiem-vu?tu=01/03/2026&den=10/03/2026")).Should().BeEquivalentTo("T2603-225-01", "T2603-223-02", "T2603-221-02");
        Codes(await WebConsole.PageAsync(admin, "/nhiem-vu?trangthai=qua-han")).Should().BeEquivalentTo("T2603-225-01", "T2603-223-02");
        Codes(await WebConsole.PageAsync(admin, "/nhiem-vu?q=BAU+CU&donvi=UBND")).Should().Contain("T2603-223-04").And.NotContain("T2603-223-01");
        Codes(await WebConsole.PageAsync(admin, "/nhiem-vu?q=bầu cử")).Should().BeEquivalentTo(Codes(await WebConsole.PageAsync(admin, "/nhiem-vu?q=bau cu")));
    }

    [Fact]
    public async Task Sorts_by_due_date_first_and_by_any_column_both_ways()
    {
        var admin = await _web.SignedInClientAsync("CVP");

        var byDue = Codes(await WebConsole.PageAsync(admin, "/nhiem-vu"));
        byDue.Take(2).Should().Equal("T2603-225-01", "T2603-223-02");
        Codes(await WebConsole.PageAsync(admin, "/nhiem-vu?sap=ma&chieu=giam")).Should().BeInDescendingOrder(StringComparer.Ordinal);
        Codes(await WebConsole.PageAsync(admin, "/nhiem-vu?sap=ma")).Should().BeInAscendingOrder(StringComparer.Ordinal);
        var page = await WebConsole.PageAsync(admin, "/nhiem-vu?sap=ma&donvi=UBND");
        page.Should().Contain("href=\"?donvi=UBND&sap=ma&chieu=giam\"", "the sorted column's link turns the order round and keeps the filter");
    }

    [Fact]
    public async Task Overdue_rows_are_red_with_the_chat_phrasing()
    {
        var page = await WebConsole.PageAsync(await _web.SignedInClientAsync("CVP"), "/nhiem-vu?trangthai=qua-han");

        page.Should().Contain("<tr class=\"overdue\">").And.Contain(DueText.Relative(new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 10)));
    }

    [Theory]
    [InlineData("tu=31/02/2026", "Hạn từ ngày", "31/02/2026")]
    [InlineData("den=mai", "Hạn đến ngày", "mai")]
    public async Task A_bad_filter_value_is_one_sentence_naming_the_field(string query, string field, string value)
    {
        var page = await WebConsole.PageAsync(await _web.SignedInClientAsync("CVP"), "/nhiem-vu?" + query);

        page.Should().Contain(WebTexts.BadDate(field, value));
        Codes(page).Should().HaveCount(23, "the wrong value is left out, the rest still filters");
    }

    [Fact]
    public async Task A_task_page_shows_its_full_text_units_assignees_and_reminders()
    {
        var page = await WebConsole.PageAsync(await _web.SignedInClientAsync("CVP"), "/nhiem-vu/T2603-223-04");
        var task = (await _web.Bot.Store.FindTaskAsync("T2603-223-04"))!;

        page.Should().Contain(task.Title).And.Contain("UBND — Ủy ban nhân dân phường").And.Contain("CAP — Công an phường").And.Contain("2.2.3")
            .And.Contain(MemberName.WithTitle((await _web.Bot.Store.FindMemberAsync("CT-UBND"))!))
            .And.Contain(DueText.Of(task, new DateOnly(2026, 3, 10))).And.Contain(WebTexts.StateName(ReminderState.Pending));
    }

    [Fact]
    public async Task A_task_the_member_may_not_see_is_404_as_an_unknown_one()
    {
        var member = await _web.SignedInClientAsync("CC-VHXH");

        (await member.GetAsync("/nhiem-vu/T2603-21-02")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await member.GetAsync("/nhiem-vu/KHONG-CO")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ActAsync(member, "T2603-223-01", "Done")).StatusCode.Should().Be(HttpStatusCode.Redirect, "their own task works");
        var hidden = await member.PostAsync("/nhiem-vu/T2603-21-02?handler=Done",
            new FormUrlEncodedContent([new("__RequestVerificationToken", WebConsole.AntiforgeryToken(await WebConsole.PageAsync(member, "/nhiem-vu/T2603-223-01")))]));
        hidden.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _web.Bot.Store.FindTaskAsync("T2603-21-02"))!.IsDone.Should().BeFalse();
    }

    [Fact]
    public async Task An_action_without_the_antiforgery_token_is_refused()
    {
        var leader = await _web.SignedInClientAsync("CT-UBND");

        var response = await leader.PostAsync("/nhiem-vu/T2603-223-03?handler=Done", new FormUrlEncodedContent([]));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await _web.Bot.Store.FindTaskAsync("T2603-223-03"))!.IsDone.Should().BeFalse();
    }

    [Fact]
    public async Task A_leader_marks_their_units_task_done_from_the_web_and_its_pending_reminders_are_cancelled()
    {
        var leader = await _web.SignedInClientAsync("CT-UBND");
        (await Reminders.GetRemindersOfTaskAsync("T2603-223-03")).Should().Contain(r => r.State == ReminderState.Pending);

        var done = await ActAsync(leader, "T2603-223-03", "Done");

        done.StatusCode.Should().Be(HttpStatusCode.Redirect);
        done.Headers.Location!.ToString().Should().Be("/nhiem-vu/T2603-223-03");
        var task = (await _web.Bot.Store.FindTaskAsync("T2603-223-03"))!;
        task.IsDone.Should().BeTrue();
        var last = (await _web.Bot.Store.GetHistoryAsync("T2603-223-03"))[^1];
        (last.Kind, last.MemberCode, last.Channel).Should().Be((ProgressKind.Done, "CT-UBND", DetailModel.Channel));
        var reminders = await Reminders.GetRemindersOfTaskAsync("T2603-223-03");
        reminders.Should().NotContain(r => r.State == ReminderState.Pending).And.Contain(r => r.State == ReminderState.Cancelled);

        var page = await WebConsole.PageAsync(leader, "/nhiem-vu/T2603-223-03");
        page.Should().Contain(CommandTexts.Done(task)).And.Contain(WebTexts.Via("web")).And.Contain(WebTexts.StateName(ReminderState.Cancelled));
        (await WebConsole.PageAsync(leader, "/nhiem-vu/T2603-223-03")).Should().NotContain(CommandTexts.Done(task), "the outcome is shown once");
    }

    [Fact]
    public async Task A_member_cannot_decide_another_units_task_and_reads_the_refusal()
    {
        var member = await _web.SignedInClientAsync("BT-TDP8");

        var refused = await ActAsync(member, "T2603-222-01", "Percent", ("percent", "50"));

        refused.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await _web.Bot.Store.FindTaskAsync("T2603-222-01"))!.Percent.Should().Be(0);
        var page = await WebConsole.PageAsync(member, "/nhiem-vu/T2603-222-01");
        page.Should().Contain("class=\"notice bad\"").And.NotContain(WebTexts.MarkDone, "a supporting unit is offered no decision");

        await ActAsync(member, "T2603-222-01", "Note", ("text", "Tổ dân phố 8 đã họp dân"));
        (await _web.Bot.Store.GetHistoryAsync("T2603-222-01"))[^1].Should().Match<ProgressReport>(h => h.Kind == ProgressKind.Note && h.Channel == "web");
    }

    [Fact]
    public async Task A_blocker_needs_its_text_and_a_wrong_percent_is_named()
    {
        var leader = await _web.SignedInClientAsync("CT-UBND");

        var empty = await ActAsync(leader, "T2603-223-03", "Blocker", ("text", " "));
        empty.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()).Should().Contain(WebTexts.BlockerTextNeeded);
        var wrong = await ActAsync(leader, "T2603-223-03", "Percent", ("percent", "150"));
        WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()).Should().Contain(WebTexts.BadPercent("150"));

        await ActAsync(leader, "T2603-223-03", "Blocker", ("text", "Chưa có kinh phí"));
        var task = (await _web.Bot.Store.FindTaskAsync("T2603-223-03"))!;
        task.Status.Should().Be(WorkTaskStatus.Blocked);
    }

    [Fact]
    public async Task A_finished_task_is_reopened_only_after_the_explicit_confirmation()
    {
        var leader = await _web.SignedInClientAsync("CT-UBND");
        await ActAsync(leader, "T2603-223-03", "Done");

        await ActAsync(leader, "T2603-223-03", "Percent", ("percent", "50"));
        var asked = await WebConsole.PageAsync(leader, "/nhiem-vu/T2603-223-03");
        (await _web.Bot.Store.FindTaskAsync("T2603-223-03"))!.IsDone.Should().BeTrue();
        asked.Should().Contain(WebTexts.ReopenButton(50));

        await ActAsync(leader, "T2603-223-03", "Percent", ("percent", "50"), ("reopen", "true"));
        var task = (await _web.Bot.Store.FindTaskAsync("T2603-223-03"))!;
        (task.IsDone, task.Percent).Should().Be((false, 50));
    }

    [Fact]
    public async Task Only_admins_create_and_edit_and_an_edit_goes_through_the_importer()
    {
        var leader = await _web.SignedInClientAsync("CT-UBND");
        (await leader.GetAsync("/nhiem-vu/T2603-223-03/sua")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await leader.GetAsync("/nhiem-vu/tao-moi")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var admin = await _web.SignedInClientAsync("CVP");
        var task = (await _web.Bot.Store.FindTaskAsync("T2603-223-03"))!;
        KeyValuePair<string, string>[] Fields(string due) =>
        [
            new("Form.Title", task.Title), new("Form.Description", task.Description ?? ""), new("Form.Section", task.Section ?? ""),
            new("Form.LeadUnit", "UBND"), new("Form.SupportUnits", "CAP"), new("Form.Assignees", "CC-VHXH"), new("Form.Due", due), new("Form.DueTime", ""),
        ];

        var bad = await WebConsole.PostFormAsync(admin, "/nhiem-vu/T2603-223-03/sua", Fields("31/02/2026"));
        bad.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()).Should().Contain($"Ô «{WebTexts.Due}»");

        var saved = await WebConsole.PostFormAsync(admin, "/nhiem-vu/T2603-223-03/sua", Fields("20/04/2026"));
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var edited = (await _web.Bot.Store.FindTaskAsync("T2603-223-03"))!;
        (edited.Due, edited.SupportUnits.Single(), edited.Assignees.Single(), edited.Source).Should().Be((new DateOnly(2026, 4, 20), "CAP", "CC-VHXH", task.Source));
        var page = await WebConsole.PageAsync(admin, "/nhiem-vu/T2603-223-03");
        page.Should().Contain("hạn: 31/03/2026 → 20/04/2026").And.Contain(MemberName.WithTitle((await _web.Bot.Store.FindMemberAsync("CVP"))!));
        // The store's change re-plans the task in the background, as after an imported file: the new
        // assignee is reminded before the new deadline.
        await ClockDriver.RunUntilAsync(_web.Bot.Clock, () => Reminders.GetRemindersOfTaskAsync("T2603-223-03").Result
            .Any(r => r.State == ReminderState.Pending && r.MemberCode == "CC-VHXH" && r.DueAt.Month == 4), TimeSpan.FromSeconds(5));

        var created = await WebConsole.PostFormAsync(admin, "/nhiem-vu/tao-moi",
            [new("Form.Code", "T2603-WEB-01"), .. Fields("25/03/2026").Select(f => f.Key == "Form.DueTime" ? new(f.Key, "16:30") : f)]);
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var fresh = (await _web.Bot.Store.FindTaskAsync("T2603-WEB-01"))!;
        (fresh.Due, fresh.DueTime, fresh.Status).Should().Be((new DateOnly(2026, 3, 25), new TimeOnly(16, 30), WorkTaskStatus.NotStarted));
        var again = await WebConsole.PostFormAsync(admin, "/nhiem-vu/tao-moi", [new("Form.Code", "T2603-WEB-01"), .. Fields("25/03/2026")]);
        WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()).Should().Contain(WebTexts.CodeTaken("T2603-WEB-01"));
    }

    [GeneratedRegex("href=\"/nhiem-vu/(T[^\"/]+)\"")]
    private static partial Regex TaskLink();
}
