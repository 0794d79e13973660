using System.Text;
using DoSon.Bot.Notices;
using FluentAssertions;

namespace DoSon.Bot.Tests.Notices;

public sealed class NoticeParserTests
{
    private static readonly ParsedNotice March = NoticeFixtures.Parse(NoticeFixtures.MarchFile);

    [Fact]
    public void Parse_OnTheMarchNotice_ShouldFindTwentyThreeTasksInTheAgreedSections()
    {
        March.Items.Should().HaveCount(23);
        March.Sections.Where(s => s.Items.Count > 0).Select(s => (s.Number, s.Items.Count)).Should().Equal(
            ("2.1", 9), ("2.2.1", 2), ("2.2.2", 2), ("2.2.3", 6), ("2.2.4", 2), ("2.2.5", 2));
    }

    [Fact]
    public void Parse_OnTheMarchNotice_ShouldCodeTasksByMonthSectionAndItem()
    {
        static IEnumerable<string> Codes(string section, int count) =>
            Enumerable.Range(1, count).Select(i => $"T2603-{section}-{i:00}");

        var expected = Codes("21", 9).Concat(Codes("221", 2)).Concat(Codes("222", 2)).Concat(Codes("223", 6))
            .Concat(Codes("224", 2)).Concat(Codes("225", 2));
        March.Items.Select(March.TaskCode).Should().Equal(expected);
    }

    [Fact]
    public void Parse_OnTheMarchNotice_ShouldKeepSectionTitlesAndSection22AsAHeadingOnly()
    {
        March.Sections.Select(s => s.Number).Should().Equal("2.1", "2.2", "2.2.1", "2.2.2", "2.2.3", "2.2.4", "2.2.5");
        March.Sections.Single(s => s.Number == "2.2").Items.Should().BeEmpty();
        March.Sections.Single(s => s.Number == "2.2").Title.Should().Be("Về phát triển kinh tế - xã hội, đảm bảo quốc phòng - an ninh");
        March.Sections.Single(s => s.Number == "2.2.1").Title.Should().Be("Về kinh tế - ngân sách");
        March.Sections.Single(s => s.Number == "2.1").Title.Should().Be("Về công tác xây dựng Đảng, hệ thống chính trị và vận động Nhân dân");
    }

    [Fact]
    public void Parse_OnTheMarchNotice_ShouldReadTheHeader()
    {
        var h = March.Header;
        h.Number.Should().Be("-TB/ĐU");
        h.NumberBlank.Should().BeTrue();
        h.Place.Should().Be("Đồ Sơn");
        h.Date.Should().BeNull("the day is left blank in the example");
        h.IssueMonth.Should().Be((2026, 3));
        h.Title.Should().StartWith("THÔNG BÁO KẾT LUẬN CỦA BAN THƯỜNG VỤ ĐẢNG ỦY")
            .And.EndWith("nhiệm vụ trọng tâm tháng 3 năm 2026");
        h.MeetingDate.Should().Be(new DateOnly(2026, 2, 27));
        (March.Year, March.Month).Should().Be((2026, 3));
    }

    [Fact]
    public void Parse_WhenTheNumberAndDayAreBlank_ShouldWarn()
    {
        March.Warnings.Should().Contain(w => w.Contains("Số thông báo còn để trống"));
        March.Warnings.Should().Contain(w => w.Contains("Ngày ban hành còn để trống"));
    }

    [Fact]
    public void Parse_ShouldMakeNoTaskFromPartOneOrTheClosing()
    {
        var all = string.Join("\n", March.Items.Select(i => i.Text));
        all.Should().NotContain("Nghị quyết số 02-NQ/ĐU", "it is in part 1");
        all.Should().NotContain("Hệ thống phần mềm một cửa");
        all.Should().NotContain("Tuy nhiên bên cạnh kết quả");
        all.Should().NotContain("chịu trách nhiệm tổ chức thực hiện Thông báo này");
        all.Should().NotContain("chịu trách nhiệm giúp Đảng ủy");
        all.Should().NotContain("Giao các đồng chí");
        all.Should().NotContain("Nơi nhận").And.NotContain("Lưu VPĐU").And.NotContain("Đỗ Xuân Hùng");

        March.Results.Should().HaveCount(9);
        March.Results[0].Should().StartWith("(1) Thường trực Đảng ủy");
        March.Closing[0].Should().StartWith("Ban Thường vụ Đảng ủy, Hội đồng nhân dân");
        March.Closing.Should().Contain("Nơi nhận:");
    }

    [Fact]
    public void Parse_ShouldJoinParagraphsCutByAPageBreak()
    {
        var supervision = March.Items.Single(i => i.Text.StartsWith("Triển khai các nội dung kiểm tra giám sát", StringComparison.Ordinal));
        supervision.Section.Should().Be("2.1");
        supervision.Text.Should().Contain("Tổ dân phố Đoàn Kết trong công tác lãnh đạo, chỉ đạo và tổ chức thực hiện bầu cử");
        supervision.Text.Should().EndWith("theo thẩm quyền.");

        March.Items.Single(i => i.Section == "2.2.1" && i.Index == 1).Text
            .Should().Contain("chống khai thác IUU trên địa bàn. Tập trung triển khai tuần tra");
        March.Items.Single(i => i.Section == "2.2.2" && i.Index == 2).Text
            .Should().Contain("liên quan đến phường Đồ Sơn tại Thông báo số 559/TB-VP");
        March.Items.Single(i => i.Section == "2.2.3" && i.Index == 6).Text
            .Should().EndWith("người có công, hộ nghèo, cận nghèo, người có hoàn cảnh khó khăn đảm bảo kịp thời, đúng quy định.");
        March.Results[3].Should().Contain("Ban Chấp hành Đảng bộ phường phụ trách");
    }

    [Fact]
    public void Parse_ShouldTakeEachParagraphAsATaskWhereASectionHasNoDashItems()
    {
        var land = March.Sections.Single(s => s.Number == "2.2.2").Items;
        land.Should().OnlyContain(i => !i.IsDashItem);
        land[0].Text.Should().StartWith("Tập trung triển khai đồng bộ các nhiệm vụ quản lý đô thị");
        land[1].Text.Should().StartWith("Thực hiện công tác cấp giấy chứng nhận");
        March.Sections.Single(s => s.Number == "2.1").Items.Should().OnlyContain(i => i.IsDashItem && !i.Text.StartsWith('-'));
    }

    [Fact]
    public void Parse_WhenTheTextIsDecomposedUnicode_ShouldGiveTheSameNotice()
    {
        var nfd = NoticeFixtures.Lines(NoticeFixtures.MarchFile).Select(l => l.Normalize(NormalizationForm.FormD)).ToList();
        nfd.Should().Contain(l => l != l.Normalize(NormalizationForm.FormC), "the test must really feed decomposed text");

        var parsed = NoticeParser.Parse(nfd, NoticeFixtures.MarchFile);

        parsed.Items.Select(i => i.Text).Should().Equal(March.Items.Select(i => i.Text));
        parsed.Header.Should().BeEquivalentTo(March.Header);
        parsed.Items.Should().OnlyContain(i => i.Text.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Parse_OnAnAprilNotice_ShouldUseItsOwnMonthNumberAndDate()
    {
        var april = NoticeFixtures.Parse(NoticeFixtures.AprilFile);

        (april.Year, april.Month).Should().Be((2026, 4));
        april.Header.Number.Should().Be("15-TB/ĐU");
        april.Header.NumberBlank.Should().BeFalse();
        april.Header.Date.Should().Be(new DateOnly(2026, 3, 31));
        april.Header.MeetingDate.Should().Be(new DateOnly(2026, 3, 30));
        april.Warnings.Should().BeEmpty();
        april.Items.Select(april.TaskCode).Should().Equal(
            "T2604-21-01", "T2604-21-02", "T2604-221-01", "T2604-222-01", "T2604-222-02");
    }

    [Fact]
    public void Parse_WhenTheLinesAreEmpty_ShouldRefuseNamingTheFile()
    {
        var act = () => NoticeParser.Parse(["", "  ", "\t"], "trong.txt");

        act.Should().Throw<NoticeRejectedException>().WithMessage("*«trong.txt» rỗng*");
    }

    [Fact]
    public void Parse_WhenTheTextIsNotANotice_ShouldRefuse()
    {
        var act = () => NoticeParser.Parse(["Danh sách mua sắm văn phòng phẩm", "- Giấy A4: 10 ram", "- Bút bi: 2 hộp"], "mua-sam.txt");

        act.Should().Throw<NoticeRejectedException>().WithMessage("*«mua-sam.txt» không phải thông báo kết luận*");
    }

    [Fact]
    public void Parse_WhenANoticeHasNoPartTwo_ShouldRefuse()
    {
        var partOneOnly = NoticeFixtures.Lines(NoticeFixtures.MarchFile).TakeWhile(l => !l.StartsWith("2. Nhiệm vụ", StringComparison.Ordinal));

        var act = () => NoticeParser.Parse(partOneOnly, "thieu-phan-2.txt");

        act.Should().Throw<NoticeRejectedException>().WithMessage("*«thieu-phan-2.txt» không có phần nhiệm vụ*2. Nhiệm vụ trọng tâm*");
    }

    [Fact]
    public void Parse_WhenPartTwoHasOnlyTheClosing_ShouldRefuse()
    {
        string[] lines =
        [
            "THÔNG BÁO", "KẾT LUẬN CỦA BAN THƯỜNG VỤ ĐẢNG ỦY", "",
            "2. Nhiệm vụ trọng tâm tháng 5 năm 2026", "",
            "Ban Thường vụ Đảng ủy chịu trách nhiệm tổ chức thực hiện Thông báo này.",
        ];

        var act = () => NoticeParser.Parse(lines, "rong-phan-2.txt");

        act.Should().Throw<NoticeRejectedException>().WithMessage("*«rong-phan-2.txt»*không đọc được nhiệm vụ nào*");
    }

    [Fact]
    public void Parse_WhenASectionOpensWithAnIntroduction_ShouldNotMakeItATask()
    {
        string[] lines =
        [
            "THÔNG BÁO", "KẾT LUẬN CỦA BAN THƯỜNG VỤ ĐẢNG ỦY", "",
            "2. Nhiệm vụ trọng tâm tháng 5 năm 2026", "",
            "2.1. Về công tác xây dựng Đảng", "",
            "Ban Thường vụ yêu cầu các đơn vị:", "",
            "– Hoàn thành báo cáo trước ngày 10/5.", "",
            "• Tổng kết phong trào thi đua.", "",
            "+ Khen thưởng tập thể tiêu biểu.",
        ];

        var parsed = NoticeParser.Parse(lines, "tb-05.txt");

        parsed.Items.Select(i => i.Text).Should().Equal(
            "Hoàn thành báo cáo trước ngày 10/5.",
            "Tổng kết phong trào thi đua.\n+ Khen thưởng tập thể tiêu biểu.");
        parsed.Warnings.Should().Contain(w => w.Contains("Đoạn mở đầu mục 2.1") && w.Contains("Ban Thường vụ yêu cầu"));
        (parsed.Year, parsed.Month).Should().Be((2026, 5));
    }
}
