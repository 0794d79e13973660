namespace DoSon.Bot.Notices;

/// <summary>Named days a notice ties tasks to, with the code the ward uses for each. A notice gives
/// the date ("Ngày Quốc tế Phụ nữ (08/03)"); the table gives the code and a proper name, and the
/// words by which a task mentions the day without repeating its date ("bầu cử").</summary>
internal static class KnownEvents
{
    public sealed record KnownEvent(string Code, string Name, string[] Keywords);

    public static readonly IReadOnlyList<KnownEvent> All =
    [
        new("QTPN", "Ngày Quốc tế Phụ nữ", ["Quốc tế Phụ nữ"]),
        new("BAUCU", "Ngày bầu cử đại biểu Quốc hội và HĐND các cấp", ["bầu cử"]),
        new("DOANTN", "Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh", ["thành lập Đoàn Thanh niên", "thành lập Đoàn TNCS"]),
        new("THETHAO", "Ngày Thể thao Việt Nam", ["Thể thao Việt Nam"]),
        new("TLDANG", "Ngày thành lập Đảng Cộng sản Việt Nam", ["thành lập Đảng Cộng sản Việt Nam"]),
        new("GPMN", "Ngày Giải phóng miền Nam, thống nhất đất nước", ["Giải phóng miền Nam"]),
        new("QTLD", "Ngày Quốc tế Lao động", ["Quốc tế Lao động"]),
        new("SNBH", "Ngày sinh Chủ tịch Hồ Chí Minh", ["ngày sinh Chủ tịch Hồ Chí Minh", "sinh nhật Bác"]),
        new("TBLS", "Ngày Thương binh - Liệt sĩ", ["Thương binh - Liệt sĩ", "Thương binh, Liệt sĩ", "Thương binh Liệt sĩ"]),
        new("QUOCKHANH", "Ngày Quốc khánh", ["Quốc khánh"]),
        new("NGAYNHAGIAO", "Ngày Nhà giáo Việt Nam", ["Nhà giáo Việt Nam"]),
        new("QDND", "Ngày thành lập Quân đội nhân dân Việt Nam", ["thành lập Quân đội nhân dân"]),
    ];

    public static KnownEvent? ByCode(string code) =>
        All.FirstOrDefault(e => e.Code.Equals(code, StringComparison.OrdinalIgnoreCase));

    /// <summary>A code for a day the table does not know: the initials of its name without
    /// diacritics ("Ngày Sách và Văn hóa đọc Việt Nam" → SVHDVN).</summary>
    public static string DeriveCode(string name)
    {
        var words = VietnameseText.WithoutDiacritics(name)
            .Split([' ', ',', '-', '–', '(', ')', '"', '“', '”'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !w.Equals("Ngay", StringComparison.OrdinalIgnoreCase) && char.IsLetterOrDigit(w[0]))
            .ToList();
        var code = string.Concat(words.Select(w => char.IsDigit(w[0]) ? w : w[..1])).ToUpperInvariant();
        return code.Length switch
        {
            0 => "MOC",
            > 10 => code[..10],
            _ => code,
        };
    }
}
