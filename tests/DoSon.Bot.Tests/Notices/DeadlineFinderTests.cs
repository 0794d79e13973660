using DoSon.Bot.Notices;
using FluentAssertions;

namespace DoSon.Bot.Tests.Notices;

public sealed class DeadlineFinderTests
{
    private static List<DateOnly> Dates(string text, int month = 3) =>
        [.. DeadlineFinder.Find(text, 2026, month).Select(d => d.Date)];

    [Theory]
    [InlineData("theo Nghị quyết số 02-NQ/ĐU ngày 17/12/2025 về mục tiêu")]
    [InlineData("thực hiện Chỉ thị số 05-CT/TU, ngày 08/03/2026 của Ban Thường vụ Thành ủy")]
    [InlineData("theo Nghị định số 154/2025/NĐ-CP ngày 15/3/2026 của Chính phủ")]
    [InlineData("tại Thông báo số 559/TB-VP ngày 20/03/2026 của Văn phòng")]
    [InlineData("theo Nghị quyết 57-NQ/TW ngày 22/3/2026 của Bộ Chính trị")]
    [InlineData("triển khai Kế hoạch số 20-KH/ĐU ngày 02/3/2026")]
    public void Find_ShouldLeaveOutTheDateOfACitedDocument(string text)
    {
        // The dates are put inside March on purpose: only the citation keeps them out.
        Dates(text).Should().BeEmpty();
    }

    [Theory]
    [InlineData("hoàn thành trước ngày 15/3", 2026, 3, 15)]
    [InlineData("Ngày Quốc tế Phụ nữ (08/03)", 2026, 3, 8)]
    [InlineData("báo cáo trước 20/03/2026", 2026, 3, 20)]
    [InlineData("trong ngày toàn quốc đi bầu cử 15/03/2026, làm tốt", 2026, 3, 15)]
    [InlineData("xếp loại quý I năm 2026", 2026, 3, 31)]
    [InlineData("hoàn thành trong tháng", 2026, 3, 31)]
    [InlineData("hoàn thành trong tháng 4", 2026, 4, 30)]
    public void Find_ShouldReadADeadline(string text, int year, int month, int day)
    {
        Dates(text).Should().Equal(new DateOnly(year, month, day));
    }

    [Theory]
    [InlineData("ứng trực 24/24h đảm bảo khám chữa bệnh")]
    [InlineData("ứng trực 24/24 h")]
    [InlineData("nhiệm kỳ 2026 - 2031 và 2025-2030")]
    [InlineData("triển khai nhiệm vụ tháng 3/2026")]
    [InlineData("dữ liệu tổ chức đảng 4.0")]
    [InlineData("ngày 31/02 không có")]
    public void Find_ShouldNotTakeWhatOnlyLooksLikeADate(string text)
    {
        Dates(text).Should().BeEmpty();
    }

    [Fact]
    public void Find_ShouldSetAsideDatesBeforeTheMonthAndSaySo()
    {
        var ignored = new List<FoundDeadline>();

        var found = DeadlineFinder.Find("sơ kết quý I, hoàn thành trước 20/4", 2026, 4, ignored);

        found.Select(f => f.Date).Should().Equal(new DateOnly(2026, 4, 20));
        ignored.Select(f => f.Date).Should().Equal(new DateOnly(2026, 3, 31));
    }

    [Fact]
    public void Find_InADecemberNotice_ShouldReadAJanuaryDayAsTheComingYear()
    {
        DeadlineFinder.Find("hoàn thành trước 15/01", 2026, 12).Select(f => f.Date).Should().Equal(new DateOnly(2027, 1, 15));
    }
}
