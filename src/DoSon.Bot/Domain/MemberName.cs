namespace DoSon.Bot.Domain;

/// <summary>How the bot names a member. Assignment files and notices often write the name with its
/// form of address ("Đ/c Chánh Văn phòng"); the bot adds "đồng chí" itself, so the stored prefix is
/// dropped and a member is named once ("đồng chí Chánh Văn phòng", never "đồng chí Đ/c …").</summary>
public static class MemberName
{
    private static readonly string[] Prefixes = ["Đ/c ", "Đ/c.", "đ/c ", "Đ/C ", "Đc ", "Đồng chí ", "đồng chí "];

    /// <summary>The name without a form of address: "Chánh Văn phòng", "Nguyễn Văn A".</summary>
    public static string Bare(Member member)
    {
        var name = member.Name.Trim();
        foreach (var prefix in Prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && name.Length > prefix.Length)
            {
                return name[prefix.Length..].Trim();
            }
        }

        return name;
    }

    /// <summary>"đồng chí Chánh Văn phòng".</summary>
    public static string Address(Member member) => "đồng chí " + Bare(member);

    /// <summary>The name with the title, said once: the title alone when it begins with the name (the
    /// sample names members by their office), otherwise "Nguyễn Văn A (Chánh Văn phòng Đảng ủy)".</summary>
    public static string WithTitle(Member member)
    {
        var bare = Bare(member);
        if (string.IsNullOrWhiteSpace(member.Title) || string.Equals(member.Title.Trim(), bare, StringComparison.OrdinalIgnoreCase))
        {
            return bare;
        }

        return member.Title.StartsWith(bare, StringComparison.OrdinalIgnoreCase)
            ? member.Title.Trim()
            : $"{bare} ({member.Title.Trim()})";
    }

    /// <summary>In a list of people: "đồng chí Trưởng Công an (TCA)".</summary>
    public static string WithCode(Member member) => $"{Address(member)} ({member.Code})";

    /// <summary>Who wrote a history entry. The bot's own actors are stored as short ids ("seed",
    /// "cli", …); they are named here, at display time, so databases written before read well too.</summary>
    public static string Actor(string code, IReadOnlyDictionary<string, Member> members) =>
        members.TryGetValue(code, out var member)
            ? WithTitle(member)
            : code.ToLowerInvariant() switch
            {
                "seed" => "nạp dữ liệu mẫu",
                "cli" => "nhập từ tệp trên dòng lệnh",
                "web" or "admin" => "trang quản trị",
                "" => "bot tự động",
                _ => $"{code} (không còn trong danh sách thành viên)",
            };
}
