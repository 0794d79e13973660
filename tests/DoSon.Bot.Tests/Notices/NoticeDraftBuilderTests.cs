using DoSon.Bot.Domain;
using DoSon.Bot.Import;
using DoSon.Bot.Notices;
using FluentAssertions;

namespace DoSon.Bot.Tests.Notices;

public sealed class NoticeDraftBuilderTests
{
    private static readonly AssignmentFile March = NoticeFixtures.March.File;

    private static TaskDto Task(string code) => March.Tasks!.Single(t => t.Code == code);

    private static TaskDto TaskStartingWith(string text) =>
        March.Tasks!.Single(t => t.Description!.StartsWith(text, StringComparison.Ordinal));

    [Fact]
    public void Build_OnTheMarchNotice_ShouldFindTheNamedMilestonesAndTheQuarterEnd()
    {
        March.Milestones!.Select(m => (m.Code, m.Date)).Should().Equal(
            ("QTPN", "08/03/2026"), ("BAUCU", "15/03/2026"), ("DOANTN", "26/03/2026"), ("THETHAO", "27/03/2026"), ("QUY1", "31/03/2026"));
        March.Milestones!.Single(m => m.Code == "QTPN").Name.Should().Be("Ngày Quốc tế Phụ nữ");
        March.Milestones!.Single(m => m.Code == "THETHAO").Name.Should().Be("Ngày Thể thao Việt Nam");
    }

    [Fact]
    public void Build_ShouldTieTasksToTheElectionEvenWithoutItsDate()
    {
        Task("T2603-21-08").Milestone.Should().Be("BAUCU", "it names «ngày toàn quốc đi bầu cử 15/03/2026»");
        Task("T2603-21-08").Due.Should().Be("15/03/2026");

        // These speak of the election without repeating its date.
        Task("T2603-21-03").Milestone.Should().Be("BAUCU");
        Task("T2603-21-04").Milestone.Should().Be("BAUCU");
        Task("T2603-21-07").Milestone.Should().Be("BAUCU");
        Task("T2603-223-04").Milestone.Should().Be("BAUCU");

        March.Tasks!.Where(t => t.Milestone == "BAUCU").Should().OnlyContain(t => t.Description!.Contains("bầu cử"));
    }

    [Fact]
    public void Build_ShouldTieTheHolidaysTaskToItsDaysAndFlagItsSeveralDates()
    {
        var holidays = Task("T2603-223-02");

        holidays.Description.Should().Contain("Ngày Quốc tế Phụ nữ (08/03)");
        holidays.Milestone.Should().Be("THETHAO", "the latest of its dates, 27/03, is taken as its deadline");
        holidays.Due.Should().Be("27/03/2026");
        holidays.Note.Should().Contain("08/03/2026, 26/03/2026, 27/03/2026").And.Contain("QTPN (08/03/2026)").And.Contain("DOANTN (26/03/2026)");

        var report = NoticeFixtures.March.Report;
        report.Milestones.Single(m => m.Code == "QTPN").MentionedBy.Should().Equal("T2603-223-02");
        report.Milestones.Single(m => m.Code == "DOANTN").MentionedBy.Should().Equal("T2603-223-02");
        report.Attention.Should().Contain(a => a.TaskCode == "T2603-223-02" && a.Kind == AttentionKind.AmbiguousDate);
    }

    [Fact]
    public void Build_ShouldTakeQuarterOneAsTheQuarterEnd()
    {
        var appraisal = Task("T2603-21-02");

        appraisal.Due.Should().Be("31/03/2026");
        appraisal.Milestone.Should().Be("QUY1");
        appraisal.Note.Should().BeNull();
    }

    [Fact]
    public void Build_ShouldNeverTakeTheDateOfACitedDocumentAsADeadline()
    {
        // Every due date is within March 2026: cited documents are dated 2024 and 2025.
        var dues = March.Tasks!.Select(t => WardClock.TryParseDate(t.Due, out var d) ? d : default).ToList();
        dues.Should().HaveCount(23).And.OnlyContain(d => d.Year == 2026 && d.Month == 3);

        TaskStartingWith("Tiếp tục kiểm tra kỷ cương công vụ").Due.Should().Be("31/03/2026", "15/6/2025 is the date of Nghị định số 154/2025/NĐ-CP");
        TaskStartingWith("Rà soát, đơn giản hóa").Due.Should().Be("31/03/2026", "22/12/2024 is the date of Nghị quyết 57-NQ/TW");
        March.Tasks!.Single(t => t.Description!.Contains("559/TB-VP")).Due.Should().Be("31/03/2026");
        March.Tasks!.Where(t => t.Due != "31/03/2026").Select(t => t.Code).Should().BeEquivalentTo(["T2603-21-08", "T2603-223-02"]);
        NoticeFixtures.March.Report.Attention.Should().NotContain(a => a.Kind == AttentionKind.PastDate,
            "a cited document's date is not even a candidate");
    }

    [Fact]
    public void Build_ShouldNotReadRoundTheClockAsADate()
    {
        var health = TaskStartingWith("Chỉ đạo các cơ sở y tế");

        health.Description.Should().Contain("24/24h");
        health.Due.Should().Be("31/03/2026");
        health.Note.Should().Contain("Không thấy hạn trong văn bản: tạm lấy ngày cuối tháng 31/03/2026");
    }

    [Fact]
    public void Build_WhenATaskHasNoDate_ShouldTakeTheMonthsLastDayAndSaySo()
    {
        var tax = Task("T2603-221-02");

        tax.Due.Should().Be("31/03/2026");
        tax.Note.Should().Contain("Không thấy hạn trong văn bản: tạm lấy ngày cuối tháng 31/03/2026");
        NoticeFixtures.March.Report.Attention.Should().Contain(a => a.TaskCode == "T2603-221-02" && a.Kind == AttentionKind.NoDate);
    }

    [Fact]
    public void Build_ShouldTakeTheFirstNamedUnitAsLeadAndTheOthersAsSupport()
    {
        Task("T2603-21-07").LeadUnit.Should().Be("HDND");
        Task("T2603-21-08").LeadUnit.Should().Be("MTTQ");
        Task("T2603-21-08").SupportUnits.Should().Equal("HDND");
        Task("T2603-21-09").LeadUnit.Should().Be("CAP");

        var supervision = Task("T2603-21-04");
        supervision.LeadUnit.Should().Be("UBKT", "«Ủy ban Kiểm tra Đảng uỷ» is written with the old tone placement");
        supervision.SupportUnits.Should().Equal("CB-TDP8", "CB-DOANKET");
        supervision.Note.Should().NotContain("Không thấy đơn vị");
    }

    [Fact]
    public void Build_WhenATaskNamesNoUnit_ShouldGiveTheSectionsDefaultAndFlagIt()
    {
        Task("T2603-21-01").LeadUnit.Should().Be("DU");
        Task("T2603-222-01").LeadUnit.Should().Be("UBND");
        Task("T2603-225-01").LeadUnit.Should().Be("CAP");
        Task("T2603-225-01").Note.Should().Contain("Không thấy đơn vị trong văn bản: tạm giao CAP chủ trì (mặc định của mục 2.2.5)");

        // "đại biểu HĐND các cấp" names the deputies, not the ward's council.
        Task("T2603-223-04").LeadUnit.Should().Be("UBND");
        Task("T2603-223-04").Note.Should().Contain("Không thấy đơn vị");
    }

    [Fact]
    public void Build_ShouldListTheUnitsReferencedWithTheirNames()
    {
        March.Units!.Select(u => u.Code).Should().Equal("DU", "UBKT", "UBND", "HDND", "MTTQ", "CAP", "CB-TDP8", "CB-DOANKET");
        March.Units!.Single(u => u.Code == "HDND").Name.Should().Be("Hội đồng nhân dân phường");
        March.Units!.Single(u => u.Code == "CB-DOANKET").Name.Should().Be("Chi bộ Tổ dân phố Đoàn Kết");
        March.Members.Should().NotBeNull().And.BeEmpty();
    }

    [Fact]
    public void Build_ShouldWriteTheSourceTitleAndShortTaskTitles()
    {
        March.Source!.Number.Should().Be("-TB/ĐU");
        March.Source.Date.Should().BeNull();
        March.Source.Title.Should().Contain("nhiệm vụ trọng tâm tháng 3 năm 2026");

        March.Tasks!.Should().OnlyContain(t => t.Title!.Length <= NoticeDraftBuilder.TitleLength && t.Title.Length > 10);
        Task("T2603-21-04").Title.Should().Be("Triển khai các nội dung kiểm tra giám sát theo chương trình công tác năm của Đảng uỷ và Ủy ban Kiểm tra Đảng uỷ phường");
        Task("T2603-221-01").Title.Should().Be("Chỉ đạo sản xuất, đẩy mạnh khai thác vụ cá Bắc");
        Task("T2603-21-07").Title.Should().EndWith("…");
        Task("T2603-21-07").Description.Should().StartWith("Hội đồng nhân dân phường tiếp tục").And.EndWith("trên địa bàn phường.");
        March.Tasks!.Should().OnlyContain(t => t.Code!.Split('-', StringSplitOptions.None)[1] == t.Section!.Replace(".", "", StringComparison.Ordinal));
    }

    [Fact]
    public void ShortTitle_WhenTheFirstClauseIsLong_ShouldCutAtAWord()
    {
        var text = string.Join(" ", Enumerable.Repeat("nhiệm vụ", 40)) + "; phần sau";

        var title = NoticeDraftBuilder.ShortTitle(text);

        title.Should().EndWith("vụ…");
        title.Length.Should().BeLessThanOrEqualTo(NoticeDraftBuilder.TitleLength);
    }

    [Fact]
    public void Build_WithAnAliasFromTheSettings_ShouldFindThatUnit()
    {
        var options = new NoticeOptions();
        options.UnitAliases["Hội Cựu chiến binh phường"] = "CCB";

        var draft = NoticeFixtures.Draft(NoticeFixtures.AprilFile, options).File;

        var training = draft.Tasks!.Single(t => t.Code == "T2604-222-02");
        training.LeadUnit.Should().Be("BCHQS");
        training.SupportUnits.Should().Equal("CCB");
        draft.Units!.Single(u => u.Code == "CCB").Name.Should().Be("Hội Cựu chiến binh phường");

        NoticeFixtures.Draft(NoticeFixtures.AprilFile).File.Tasks!.Single(t => t.Code == "T2604-222-02").SupportUnits
            .Should().BeEmpty("without the setting the unit is not known");
    }

    [Fact]
    public void Build_WithADefaultLeadFromTheSettings_ShouldUseIt()
    {
        var options = new NoticeOptions();
        options.DefaultLeadUnits["2.2.5"] = "BCHQS";

        var draft = NoticeFixtures.Draft(NoticeFixtures.MarchFile, options).File;

        draft.Tasks!.Single(t => t.Code == "T2603-225-01").LeadUnit.Should().Be("BCHQS");
        draft.Tasks!.Single(t => t.Code == "T2603-224-01").LeadUnit.Should().Be("UBND");
    }

    [Fact]
    public void Build_OnAnAprilNotice_ShouldReadItsOwnDatesAndDays()
    {
        var draft = NoticeFixtures.Draft(NoticeFixtures.AprilFile);
        var file = draft.File;
        TaskDto T(string code) => file.Tasks!.Single(t => t.Code == code);

        file.Source!.Number.Should().Be("15-TB/ĐU");
        file.Source.Date.Should().Be("31/03/2026");

        T("T2604-21-01").Due.Should().Be("20/04/2026", "«trước ngày 20/4» in the notice's year");
        T("T2604-21-01").LeadUnit.Should().Be("VPDU");
        T("T2604-21-01").Note.Should().Contain("«quý I» (31/03/2026)", "the past quarter is no deadline for April");

        var days = T("T2604-21-02");
        days.Due.Should().Be("30/04/2026", "02/4/2026 is the date of Kế hoạch số 20-KH/ĐU");
        days.Milestone.Should().Be("GPMN");
        days.Note.Should().Contain("21/04/2026, 30/04/2026");

        T("T2604-221-01").Due.Should().Be("30/04/2026", "«trong tháng»");
        T("T2604-221-01").LeadUnit.Should().Be("UBND");
        T("T2604-221-01").SupportUnits.Should().Equal("HDND");
        T("T2604-222-01").Due.Should().Be("25/04/2026");
        T("T2604-222-01").LeadUnit.Should().Be("CAP");

        file.Milestones!.Select(m => (m.Code, m.Date)).Should().Equal(
            ("SVVHDVN", "21/04/2026"), ("GPMN", "30/04/2026"), ("QUY2", "30/06/2026"));
        file.Milestones!.Single(m => m.Code == "SVVHDVN").Name.Should().Be("Ngày Sách và Văn hóa đọc Việt Nam");
        draft.Report.Milestones.Single(m => m.Code == "SVVHDVN").Known.Should().BeFalse();
    }

    [Fact]
    public void Report_ShouldCountTasksBySectionAndListWhatNeedsAttention()
    {
        var report = NoticeFixtures.March.Report;

        report.TaskCount.Should().Be(23);
        report.Sections.Single(s => s.Number == "2.2.3").TaskCodes.Should().HaveCount(6);
        report.Attention.Should().Contain(a => a.Kind == AttentionKind.Document && a.Message.Contains("Số thông báo"));
        report.Attention.Where(a => a.Kind == AttentionKind.NoUnit).Select(a => a.TaskCode)
            .Should().Contain("T2603-21-01").And.NotContain("T2603-21-04");

        var text = NoticeTexts.Report(report);
        text.Should().Contain("2.1. Về công tác xây dựng Đảng, hệ thống chính trị và vận động Nhân dân: 9 nhiệm vụ (T2603-21-01 … T2603-21-09)");
        text.Should().Contain("15/03/2026 BAUCU");
        text.Should().Contain("Cần người xem lại");
        text.Should().Contain("UBKT — Ủy ban Kiểm tra Đảng ủy: chủ trì 1");
    }
}
