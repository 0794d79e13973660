using DoSon.Bot.Domain;
using DoSon.Bot.Import;
using FluentAssertions;

namespace DoSon.Bot.Tests.Import;

public sealed class AssignmentImporterTests : IDisposable
{
    private readonly ImportFixture _f = new();

    public void Dispose() => _f.Dispose();

    private static ProgressReport Progress(string task, int percent) => new(
        task, "CB-DC", ImportFixture.Start.AddDays(2), ProgressKind.Progress, percent, WorkTaskStatus.InProgress, "Đang làm", "test");

    [Fact]
    public async Task Import_creates_every_item_of_the_file()
    {
        var plan = await _f.ImportOkAsync(_f.WriteJson("ward.json", SmallWard.File()));

        plan.Tasks.Should().OnlyContain(c => c.Kind == ChangeKind.Created);
        (await _f.Store.GetUnitsAsync()).Select(u => u.Code).Should().BeEquivalentTo(["UBND", "CAP"]);
        (await _f.Store.FindMemberAsync("CVP"))!.Role.Should().Be(MemberRole.Admin);
        var t2 = (await _f.Store.FindTaskAsync("T2"))!;
        t2.Due.Should().Be(new DateOnly(2026, 3, 15));
        t2.DueTime.Should().Be(new TimeOnly(17, 0));
        t2.SupportUnits.Should().Equal("UBND");
        t2.Milestone.Should().Be("BAUCU");
        t2.Source.Should().Be("TB-T/2026");
        t2.Status.Should().Be(WorkTaskStatus.NotStarted);
        (await _f.Store.GetHistoryAsync("T1")).Should().ContainSingle().Which.Kind.Should().Be(ProgressKind.Imported);
        (await _f.Store.GetSourcesAsync()).Should().ContainSingle().Which.Date.Should().Be(new DateOnly(2026, 2, 27));
    }

    [Fact]
    public async Task Reimporting_the_same_file_changes_nothing_and_adds_no_history()
    {
        var path = _f.WriteJson("ward.json", SmallWard.File());
        await _f.ImportOkAsync(path);
        var before = await _f.DumpAsync();
        var changedEvents = 0;
        _f.Store.TasksChanged += _ => changedEvents++;

        var plan = await _f.ImportOkAsync(path);

        plan.HasChanges.Should().BeFalse();
        plan.Units.Should().HaveCount(2).And.OnlyContain(c => c.Kind == ChangeKind.Unchanged);
        plan.Members.Should().HaveCount(3).And.OnlyContain(c => c.Kind == ChangeKind.Unchanged);
        plan.Milestones.Should().ContainSingle().Which.Kind.Should().Be(ChangeKind.Unchanged);
        plan.Tasks.Should().HaveCount(2).And.OnlyContain(c => c.Kind == ChangeKind.Unchanged);
        (await _f.DumpAsync()).Should().Be(before);
        changedEvents.Should().Be(0);
    }

    [Fact]
    public async Task A_changed_file_updates_fields_and_keeps_status_percent_and_history()
    {
        await _f.ImportOkAsync(_f.WriteJson("ward.json", SmallWard.File()));
        await _f.Store.RecordProgressAsync(Progress("T1", 40));
        var file = SmallWard.File();
        file.Tasks![0].Due = "20/03/2026";
        file.Tasks![0].LeadUnit = "CAP";
        file.Units![1].Name = "Công an phường Đồ Sơn";

        var plan = await _f.ImportOkAsync(_f.WriteJson("ward-v2.json", file));

        var t1 = plan.Tasks.Single(c => c.Item.Code == "T1");
        t1.Kind.Should().Be(ChangeKind.Updated);
        t1.ChangedFields.Should().Equal(ImportTexts.FieldLeadUnit, ImportTexts.FieldDue);
        plan.Tasks.Single(c => c.Item.Code == "T2").Kind.Should().Be(ChangeKind.Unchanged);
        plan.Units.Single(c => c.Item.Code == "CAP").ChangedFields.Should().Equal(ImportTexts.FieldName);

        var stored = (await _f.Store.FindTaskAsync("T1"))!;
        stored.Due.Should().Be(new DateOnly(2026, 3, 20));
        stored.LeadUnit.Should().Be("CAP");
        stored.Status.Should().Be(WorkTaskStatus.InProgress);
        stored.Percent.Should().Be(40);
        var history = await _f.Store.GetHistoryAsync("T1");
        history.Select(h => h.Kind).Should().Equal(ProgressKind.Imported, ProgressKind.Progress, ProgressKind.Imported);
        history[^1].Note.Should().Contain("hạn").And.Contain("đơn vị chủ trì");
        history[^1].Status.Should().Be(WorkTaskStatus.InProgress);
        (await _f.Store.GetHistoryAsync("T2")).Should().HaveCount(1);
    }

    [Fact]
    public async Task A_linked_chat_account_is_kept_when_the_file_leaves_it_empty()
    {
        await _f.ImportOkAsync(_f.WriteJson("ward.json", SmallWard.File()));
        await _f.Store.SetTelegramUserAsync("CT-UBND", 1002);
        await _f.Store.SetZaloUserAsync("CT-UBND", "zalo-1002");

        var plan = await _f.ImportOkAsync(_f.WriteJson("ward.json", SmallWard.File()));

        plan.Members.Single(c => c.Item.Code == "CT-UBND").Kind.Should().Be(ChangeKind.Unchanged);
        var member = (await _f.Store.FindMemberAsync("CT-UBND"))!;
        member.TelegramUserId.Should().Be(1002);
        member.ZaloUserId.Should().Be("zalo-1002");
    }

    [Fact]
    public async Task A_chat_account_given_in_the_file_is_linked()
    {
        var file = SmallWard.File();
        file.Members![1].TelegramUserId = 555;

        var plan = await _f.ImportOkAsync(_f.WriteJson("ward.json", file));

        plan.Members.Single(c => c.Item.Code == "CT-UBND").Item.TelegramUserId.Should().Be(555);
        (await _f.Store.FindMemberByTelegramAsync(555))!.Code.Should().Be("CT-UBND");
    }

    [Fact]
    public async Task Items_absent_from_the_file_are_left_alone()
    {
        var first = SmallWard.File();
        first.Tasks!.Add(new TaskDto { Code = "T9", Title = "Nhiệm vụ tháng trước", LeadUnit = "UBND", Due = "28/02/2026" });
        await _f.ImportOkAsync(_f.WriteJson("first.json", first));

        var plan = await _f.ImportOkAsync(_f.WriteJson("second.json", SmallWard.File()));

        plan.Tasks.Should().NotContain(c => c.Item.Code == "T9");
        (await _f.Store.FindTaskAsync("T9")).Should().NotBeNull();
    }

    [Fact]
    public async Task References_may_point_at_what_the_database_already_has()
    {
        await _f.ImportOkAsync(_f.WriteJson("ward.json", SmallWard.File()));
        var next = new AssignmentFile
        {
            Tasks = [new TaskDto { Code = "T3", Title = "Việc mới", LeadUnit = "ubnd", Assignees = ["cb-dc"], Due = "25/03/2026", Milestone = "BAUCU" }],
        };

        var plan = await _f.ImportOkAsync(_f.WriteJson("next.json", next));

        plan.Tasks.Should().ContainSingle().Which.Kind.Should().Be(ChangeKind.Created);
        var t3 = (await _f.Store.FindTaskAsync("T3"))!;
        t3.LeadUnit.Should().Be("UBND", "codes are spelt as the database spells them");
        t3.Assignees.Should().Equal("CB-DC");
    }

    [Fact]
    public async Task Dry_run_writes_nothing_into_an_empty_database()
    {
        var outcome = await _f.ImportAsync(_f.WriteJson("ward.json", SmallWard.File()), dryRun: true);

        outcome.Succeeded.Should().BeTrue();
        outcome.Applied.Should().BeFalse();
        outcome.Plan!.Tasks.Should().HaveCount(2).And.OnlyContain(c => c.Kind == ChangeKind.Created);
        (await _f.Store.IsEmptyAsync()).Should().BeTrue();
        (await _f.Store.GetUnitsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Dry_run_reports_the_same_plan_as_the_real_run_and_writes_nothing()
    {
        await _f.ImportOkAsync(_f.WriteJson("ward.json", SmallWard.File()));
        var before = await _f.DumpAsync();
        var file = SmallWard.File();
        file.Tasks![1].Due = "16/03/2026";
        var path = _f.WriteJson("v2.json", file);

        var dry = await _f.ImportOkAsync(path, dryRun: true);

        (await _f.DumpAsync()).Should().Be(before);
        var real = await _f.ImportOkAsync(path);
        dry.Tasks.Select(c => (c.Item.Code, c.Kind, string.Join(",", c.ChangedFields)))
            .Should().Equal(real.Tasks.Select(c => (c.Item.Code, c.Kind, string.Join(",", c.ChangedFields))));
        (await _f.DumpAsync()).Should().NotBe(before);
    }

    [Theory]
    [InlineData("export.json")]
    [InlineData("export.xlsx")]
    public async Task Export_then_import_is_a_round_trip(string exportName)
    {
        var file = SmallWard.File();
        file.Members![0].TelegramUserId = 1001;
        file.Members![0].ZaloUserId = "z-1001";
        await _f.ImportOkAsync(_f.WriteJson("ward.json", file));
        var before = await _f.DumpAsync();
        var exported = _f.PathOf(exportName);
        await WriteExportAsync(exported);

        var plan = await _f.ImportOkAsync(exported);

        plan.HasChanges.Should().BeFalse();
        plan.Tasks.Should().HaveCount(2);
        (await _f.DumpAsync()).Should().Be(before);
    }

    [Theory]
    [InlineData("export.json")]
    [InlineData("export.xlsx")]
    public async Task An_export_imported_into_a_new_database_exports_the_same(string exportName)
    {
        await _f.ImportOkAsync(_f.WriteJson("ward.json", SmallWard.File()));
        var exported = _f.PathOf(exportName);
        await WriteExportAsync(exported);

        using var other = new ImportFixture();
        await other.ImportOkAsync(exported);

        AssignmentJson.Serialize(await AssignmentExporter.ExportAsync(other.Store))
            .Should().Be(AssignmentJson.Serialize(await AssignmentExporter.ExportAsync(_f.Store)));
    }

    [Fact]
    public async Task Template_reads_back_as_an_empty_valid_file()
    {
        var path = _f.PathOf("mau.xlsx");
        AssignmentWorkbook.Write(new AssignmentFile(), path);

        var file = AssignmentWorkbook.Read(path);
        var plan = await _f.ImportOkAsync(path);

        file.Source.Should().BeNull();
        file.Units.Should().BeEmpty();
        file.Members.Should().BeEmpty();
        file.Milestones.Should().BeEmpty();
        file.Tasks.Should().BeEmpty();
        plan.HasChanges.Should().BeFalse();
        (await _f.Store.IsEmptyAsync()).Should().BeTrue();
    }

    private async Task WriteExportAsync(string path)
    {
        var file = await AssignmentExporter.ExportAsync(_f.Store);
        if (path.EndsWith(".json", StringComparison.Ordinal))
        {
            AssignmentJson.Write(file, path);
        }
        else
        {
            AssignmentWorkbook.Write(file, path);
        }
    }
}
