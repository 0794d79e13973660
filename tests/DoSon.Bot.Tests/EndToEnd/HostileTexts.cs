using System.Text;

namespace DoSon.Bot.Tests.EndToEnd;

/// <summary>Texts a careless or hostile person could send a chat bot (within what a platform passes
/// on: 1-2000 characters of valid Unicode), drawn reproducibly from a seeded Random.</summary>
public static class HostileTexts
{
    private static readonly string[] Commands =
        ["/capnhat", "/xong", "/vuongmac", "/chitiet", "/nhiemvu", "/moc", "/quahan", "/sapden", "/tongquan", "/donvi",
         "/baocao", "/trogiup", "/lienket", "/start", "/web", "/", "//", "/CAPNHAT", "/capnhat@bot", "/khongco"];

    private static readonly string[] Pieces =
        ["T2", "T2603-221-01", "T9999-999-99", "-1", "101", "50%", "1e9", "NaN", "99999999999999999999", "0x10",
         "<b>đậm</b>", "*đậm* _nghiêng_ `mã`", "[a](http://x)", "{{x}}", "%s%n%d", "'; DROP TABLE tasks; --",
         "../../etc/passwd", "\u202Ephải sang trái", "\u200B\u200C\u200D", "\uFEFF", "😀👍🏽🇻🇳", "e\u0301\u0301\u0301",
         "\t", "\r\n", "\n\n\n", "\0", "\u0007", "Đ", "vướng: chưa có kinh phí", "xong", "  ", "ｘｏｎｇ", "null", "[]", "{\"a\":1}"];

    public static string Next(Random random, int index)
    {
        var text = (index % 10) switch
        {
            0 => new string('x', 2000),
            1 => string.Concat(Enumerable.Repeat("Đồ Sơn ", 300))[..2000],
            2 => Commands[random.Next(Commands.Length)] + " " + string.Concat(Enumerable.Range(0, 400).Select(_ => Pieces[random.Next(Pieces.Length)]))[..1500],
            3 => RandomUnicode(random, random.Next(1, 2000)),
            _ => Commands[random.Next(Commands.Length)] + string.Join(random.Next(2) == 0 ? " " : "  ",
                Enumerable.Range(0, random.Next(0, 6)).Select(_ => Pieces[random.Next(Pieces.Length)])),
        };
        return text.Length > 2000 ? text[..2000] : text.Length == 0 ? " " : text;
    }

    /// <summary>Code points from every plane but the surrogates (which valid text never holds alone).</summary>
    private static string RandomUnicode(Random random, int length)
    {
        var sb = new StringBuilder();
        while (sb.Length < length)
        {
            var cp = random.Next(4) == 0 ? random.Next(0x20) : random.Next(0x10FFFF);
            if (cp is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            sb.Append(char.ConvertFromUtf32(cp));
        }

        return sb.Length > length && char.IsHighSurrogate(sb[length - 1]) ? sb.ToString(0, length - 1) : sb.ToString(0, Math.Min(length, sb.Length));
    }
}
