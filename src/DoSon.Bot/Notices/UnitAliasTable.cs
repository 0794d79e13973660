namespace DoSon.Bot.Notices;

/// <summary>A unit named in a task's text: its code and where the name starts.</summary>
public sealed record UnitMention(string Code, string Alias, int Position);

/// <summary>The names by which a notice calls the ward's units, mapped to unit codes. Built in for
/// the Đồ Sơn units; the office adds more in Notices:UnitAliases without a new release.</summary>
public sealed class UnitAliasTable
{
    private sealed record Entry(string Code, string Alias, string Key);

    /// <summary>Code, display name, and the ways a notice writes it. The display name is what the
    /// draft's "units" list says; both tone placements are matched whatever is written here.</summary>
    public static readonly IReadOnlyList<(string Code, string Name, string[] Aliases)> BuiltIn =
    [
        ("DU", "Đảng ủy phường", ["Ban Thường vụ Đảng ủy", "Đảng ủy phường"]),
        ("VPDU", "Văn phòng Đảng ủy", ["Văn phòng Đảng ủy", "VPĐU"]),
        ("BXDD", "Ban Xây dựng Đảng", ["Ban Xây dựng Đảng Đảng ủy", "Ban Xây dựng Đảng"]),
        ("UBKT", "Ủy ban Kiểm tra Đảng ủy", ["Ủy ban Kiểm tra Đảng ủy phường", "Ủy ban Kiểm tra Đảng ủy", "UBKT Đảng ủy"]),
        ("UBND", "Ủy ban nhân dân phường", ["Ủy ban nhân dân phường", "UBND phường", "UBND"]),
        ("HDND", "Hội đồng nhân dân phường", ["Hội đồng nhân dân phường", "HĐND phường", "HĐND"]),
        ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam phường", ["Ủy ban Mặt trận Tổ quốc Việt Nam phường", "Ủy ban Mặt trận Tổ quốc", "Mặt trận Tổ quốc", "MTTQ"]),
        ("CAP", "Công an phường", ["Công an phường"]),
        ("BCHQS", "Ban Chỉ huy quân sự phường", ["Ban Chỉ huy quân sự phường", "Ban Chỉ huy quân sự"]),
        ("CB-TDP8", "Chi bộ Tổ dân phố 8", ["chi bộ tổ dân phố 8", "Tổ dân phố 8", "TDP 8"]),
        ("CB-DOANKET", "Chi bộ Tổ dân phố Đoàn Kết", ["chi bộ tổ dân phố Đoàn Kết", "Tổ dân phố Đoàn Kết", "TDP Đoàn Kết"]),
    ];

    // A body of another level ("UBND thành phố", "HĐND các cấp") or the deputies of a council
    // ("đại biểu Hội đồng nhân dân phường") is not the ward unit that must do the task.
    private static readonly string[] OtherLevelAfter =
        [" thành phố", " tp", " tỉnh", " trung ương", " các cấp", " quận", " huyện", " xã"];

    private static readonly string[] NotTheUnitBefore = ["đại biểu ", "ứng cử viên "];

    private readonly List<Entry> _entries;
    private readonly Dictionary<string, string> _names;
    private readonly List<string> _order;

    public UnitAliasTable(IReadOnlyDictionary<string, string>? extraAliases = null)
    {
        _entries = [];
        _names = new(StringComparer.OrdinalIgnoreCase);
        _order = [];
        foreach (var (code, name, aliases) in BuiltIn)
        {
            _names[code] = name;
            _order.Add(code);
            foreach (var alias in aliases)
            {
                Add(alias, code);
            }
        }

        foreach (var (alias, code) in extraAliases ?? new Dictionary<string, string>())
        {
            var cleanCode = code.Trim();
            var cleanAlias = VietnameseText.Clean(alias);
            if (!_names.TryGetValue(cleanCode, out var known))
            {
                _names[cleanCode] = cleanAlias;
                _order.Add(cleanCode);
            }
            else if (known.Length < cleanAlias.Length && !BuiltIn.Any(b => b.Code.Equals(cleanCode, StringComparison.OrdinalIgnoreCase)))
            {
                // For a unit only the settings know, the fullest alias is the best display name.
                _names[cleanCode] = cleanAlias;
            }

            // An alias in the settings replaces a built-in one that reads the same.
            _entries.RemoveAll(e => e.Key == VietnameseText.MatchKey(cleanAlias));
            Add(alias, cleanCode);
        }
    }

    private void Add(string alias, string code)
    {
        var clean = VietnameseText.Clean(alias);
        if (clean.Length > 0)
        {
            _entries.Add(new Entry(code, clean, VietnameseText.MatchKey(clean)));
        }
    }

    public string NameOf(string code) => _names.TryGetValue(code, out var name) ? name : code;

    /// <summary>Codes in the order the built-in table (then the settings) lists them.</summary>
    public int OrderOf(string code)
    {
        var i = _order.FindIndex(c => c.Equals(code, StringComparison.OrdinalIgnoreCase));
        return i < 0 ? int.MaxValue : i;
    }

    /// <summary>The units a text names, each once, in the order they first appear. Where two names
    /// overlap ("Ủy ban Kiểm tra Đảng ủy" contains "Đảng ủy") the one that starts first, then the
    /// longer one, wins.</summary>
    public IReadOnlyList<UnitMention> Find(string text)
    {
        var clean = VietnameseText.Clean(text);
        var key = VietnameseText.MatchKey(clean);
        var hits = new List<(int Start, int Length, Entry Entry)>();
        foreach (var entry in _entries)
        {
            for (var at = key.IndexOf(entry.Key, StringComparison.Ordinal); at >= 0; at = key.IndexOf(entry.Key, at + 1, StringComparison.Ordinal))
            {
                var end = at + entry.Key.Length;
                if ((at > 0 && VietnameseText.IsWordChar(key[at - 1])) || (end < key.Length && VietnameseText.IsWordChar(key[end])))
                {
                    continue;
                }

                hits.Add((at, entry.Key.Length, entry));
            }
        }

        var mentions = new List<UnitMention>();
        var lastEnd = 0;
        foreach (var (start, length, entry) in hits.OrderBy(h => h.Start).ThenByDescending(h => h.Length))
        {
            if (start < lastEnd)
            {
                continue;
            }

            lastEnd = start + length;
            var after = key[lastEnd..];
            var before = key[..start];
            if (OtherLevelAfter.Any(s => after.StartsWith(s, StringComparison.Ordinal) && (after.Length == s.Length || !VietnameseText.IsWordChar(after[s.Length])))
                || NotTheUnitBefore.Any(s => before.EndsWith(s, StringComparison.Ordinal)))
            {
                continue;
            }

            if (!mentions.Any(m => m.Code.Equals(entry.Code, StringComparison.OrdinalIgnoreCase)))
            {
                mentions.Add(new UnitMention(entry.Code, clean.Substring(start, length), start));
            }
        }

        return mentions;
    }
}
