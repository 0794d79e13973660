using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Notices;

public sealed class NoticeOptions
{
    public const string Section = "Notices";

    /// <summary>A notice file larger than this is refused (a notice is a few dozen KB; 5 MB leaves
    /// room for a .docx with a scanned signature).</summary>
    public long MaxFileBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>More names of units, added to the built-in table: name as the notice writes it →
    /// unit code, e.g. {"Hội Cựu chiến binh phường": "CCB"}.</summary>
    public Dictionary<string, string> UnitAliases { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The lead unit of a task that names none, by section: the longest matching section
    /// number wins (2.2.5 before 2.2 before 2).</summary>
    public Dictionary<string, string> DefaultLeadUnits { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["2"] = "DU",
        ["2.1"] = "DU",
        ["2.2"] = "UBND",
        ["2.2.5"] = "CAP",
    };
}

/// <summary>Stops the program at start with a message naming the key when a notice setting is wrong.</summary>
public sealed partial class NoticeOptionsValidator : IValidateOptions<NoticeOptions>
{
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_\-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex UnitCode();

    [GeneratedRegex(@"^\d{1,2}(\.\d{1,2}){0,3}\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex SectionNumber();

    public ValidateOptionsResult Validate(string? name, NoticeOptions options)
    {
        var failures = new List<string>();
        if (options.MaxFileBytes <= 0)
        {
            failures.Add($"{NoticeOptions.Section}:MaxFileBytes phải là số byte dương (mặc định 5242880 = 5 MB).");
        }

        foreach (var (alias, code) in options.UnitAliases)
        {
            if (string.IsNullOrWhiteSpace(alias) || VietnameseText.Clean(alias).Length < 2)
            {
                failures.Add($"{NoticeOptions.Section}:UnitAliases: tên đơn vị «{alias}» quá ngắn.");
            }

            if (string.IsNullOrWhiteSpace(code) || !UnitCode().IsMatch(code.Trim()))
            {
                failures.Add($"{NoticeOptions.Section}:UnitAliases:{alias} phải là mã đơn vị (chữ không dấu, số, gạch ngang, ví dụ HDND, CB-TDP8), không phải «{code}».");
            }
        }

        foreach (var (section, code) in options.DefaultLeadUnits)
        {
            if (!SectionNumber().IsMatch(section.Trim()))
            {
                failures.Add($"{NoticeOptions.Section}:DefaultLeadUnits: «{section}» không phải số mục (ví dụ 2.1, 2.2.5).");
            }

            if (!string.IsNullOrWhiteSpace(code) && !UnitCode().IsMatch(code.Trim()))
            {
                failures.Add($"{NoticeOptions.Section}:DefaultLeadUnits:{section} phải là mã đơn vị (ví dụ UBND), không phải «{code}».");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
