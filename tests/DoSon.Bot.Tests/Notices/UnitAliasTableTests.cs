using DoSon.Bot.Notices;
using FluentAssertions;

namespace DoSon.Bot.Tests.Notices;

public sealed class UnitAliasTableTests
{
    private static readonly UnitAliasTable Table = new();

    private static IEnumerable<string> Codes(string text, UnitAliasTable? table = null) =>
        (table ?? Table).Find(text).Select(m => m.Code);

    [Theory]
    [InlineData("Hội đồng nhân dân phường giám sát", "HDND")]
    [InlineData("Thường trực HĐND phường", "HDND")]
    [InlineData("Ủy ban Mặt trận Tổ quốc phường vận động", "MTTQ")]
    [InlineData("Mặt trận Tổ quốc tuyên truyền", "MTTQ")]
    [InlineData("MTTQ và các đoàn thể", "MTTQ")]
    [InlineData("lực lượng Công an phường tuần tra", "CAP")]
    [InlineData("Ban Xây dựng Đảng Đảng ủy tham mưu", "BXDD")]
    [InlineData("Ủy ban Kiểm tra Đảng ủy giám sát", "UBKT")]
    [InlineData("Uỷ ban Kiểm tra Đảng uỷ giám sát", "UBKT")]
    [InlineData("Ủy ban Kiểm tra Đảng uỷ phường", "UBKT")]
    [InlineData("Ủy ban nhân dân phường chỉ đạo", "UBND")]
    [InlineData("Uỷ ban nhân dân phường chỉ đạo", "UBND")]
    [InlineData("UBND chỉ đạo", "UBND")]
    [InlineData("Văn phòng Đảng ủy tham mưu", "VPDU")]
    [InlineData("Văn phòng Đảng uỷ tham mưu", "VPDU")]
    [InlineData("Cấp ủy chi bộ tổ dân phố 8 kiểm điểm", "CB-TDP8")]
    [InlineData("Tổ dân phố Đoàn Kết tổ chức", "CB-DOANKET")]
    public void Find_ShouldKnowTheWardsUnitsInEitherTonePlacement(string text, string code)
    {
        Codes(text).Should().Equal(code);
    }

    [Fact]
    public void Find_ShouldListUnitsInTheOrderTheyAreNamedAndEachOnce()
    {
        Codes("Công an phường chủ trì, phối hợp Ủy ban Mặt trận Tổ quốc, Công an phường và HĐND phường")
            .Should().Equal("CAP", "MTTQ", "HDND");
    }

    [Theory]
    [InlineData("bầu cử đại biểu HĐND các cấp")]
    [InlineData("ứng cử viên đại biểu Hội đồng nhân dân phường khoá II")]
    [InlineData("Văn phòng Ủy ban nhân dân thành phố")]
    [InlineData("Hội đồng nhân dân thành phố")]
    [InlineData("UBND thành phố Hải Phòng")]
    [InlineData("tổ dân phố 81")]
    [InlineData("Chủ đề năm của Thành uỷ")]
    public void Find_ShouldNotTakeOtherBodiesOrDeputiesForAWardUnit(string text)
    {
        Codes(text).Should().BeEmpty();
    }

    [Fact]
    public void Find_WithAnAliasFromTheSettings_ShouldAddItAndNameTheUnit()
    {
        var table = new UnitAliasTable(new Dictionary<string, string> { ["Đoàn Thanh niên phường"] = "DTN", ["HĐND"] = "HDND" });

        Codes("Đoàn Thanh niên phường phối hợp HĐND", table).Should().Equal("DTN", "HDND");
        table.NameOf("DTN").Should().Be("Đoàn Thanh niên phường");
        table.NameOf("HDND").Should().Be("Hội đồng nhân dân phường", "a built-in unit keeps its name");
    }
}
