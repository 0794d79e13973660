using System.Globalization;
using System.Text.RegularExpressions;

namespace DoSon.Bot.Backups;

/// <summary>Why a copy was made; the suffix of its file name (no diacritics in file names).</summary>
public enum BackupReason
{
    /// <summary>The daily copy or one made with `backup`: no suffix.</summary>
    Regular,

    /// <summary>Just before an import changed the database: "-truoc-nhap".</summary>
    BeforeImport,

    /// <summary>The database as it was before a restore replaced it: "-truoc-khoi-phuc".</summary>
    BeforeRestore,
}

/// <summary>A copy the bot named: "doson-bot-2026-03-02-0230[-truoc-nhap][-2].db", the time being
/// the ward's (Asia/Ho_Chi_Minh) when it was made, the last number telling apart copies of one minute.</summary>
public sealed record BackupCopy(string Path, DateTime LocalTime, BackupReason Reason, int Sequence)
{
    public string Name => System.IO.Path.GetFileName(Path);

    public static string Suffix(BackupReason reason) => reason switch
    {
        BackupReason.BeforeImport => "-truoc-nhap",
        BackupReason.BeforeRestore => "-truoc-khoi-phuc",
        _ => "",
    };

    public static string FileName(string prefix, DateTime localTime, BackupReason reason, int sequence) =>
        prefix + "-" + localTime.ToString("yyyy-MM-dd-HHmm", CultureInfo.InvariantCulture) + Suffix(reason)
        + (sequence > 1 ? "-" + sequence.ToString(CultureInfo.InvariantCulture) : "") + ".db";

    /// <summary>The copy a file name stands for, or null for a file the bot did not name (never touched).</summary>
    public static BackupCopy? Parse(string prefix, string path)
    {
        var match = Regex.Match(System.IO.Path.GetFileName(path),
            "^" + Regex.Escape(prefix) + @"-(?<t>\d{4}-\d{2}-\d{2}-\d{4})(?<r>-truoc-nhap|-truoc-khoi-phuc)?(?:-(?<n>[2-9]|[1-9]\d{1,2}))?\.db$",
            RegexOptions.CultureInvariant);
        if (!match.Success
            || !DateTime.TryParseExact(match.Groups["t"].Value, "yyyy-MM-dd-HHmm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return null;
        }

        var reason = match.Groups["r"].Value switch
        {
            "-truoc-nhap" => BackupReason.BeforeImport,
            "-truoc-khoi-phuc" => BackupReason.BeforeRestore,
            _ => BackupReason.Regular,
        };
        var sequence = match.Groups["n"].Success ? int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) : 1;
        return new(path, time, reason, sequence);
    }
}

/// <summary>Which copies to delete. Kept: every copy of the newest Backup:KeepDaily days that have
/// copies (so the copies made before each import of those days stay), the newest copy of each of the
/// newest Backup:KeepMonthly months, and always the copy just made. Days and months are counted among
/// the copies, not on the calendar, so a bot stopped for weeks never wakes up to an empty folder. Pure.</summary>
public static class BackupRotation
{
    public static IReadOnlyList<BackupCopy> ToDelete(IEnumerable<BackupCopy> copies, int keepDaily, int keepMonthly, string? justMade)
    {
        var newestFirst = copies.OrderByDescending(c => c.LocalTime).ThenByDescending(c => c.Sequence).ToList();
        var keep = new HashSet<string>(StringComparer.Ordinal);
        if (justMade is not null)
        {
            keep.Add(Path.GetFullPath(justMade));
        }

        var days = newestFirst.Select(c => DateOnly.FromDateTime(c.LocalTime)).Distinct().Take(keepDaily).ToHashSet();
        foreach (var copy in newestFirst.Where(c => days.Contains(DateOnly.FromDateTime(c.LocalTime))))
        {
            keep.Add(Path.GetFullPath(copy.Path));
        }

        foreach (var newestOfMonth in newestFirst.GroupBy(c => (c.LocalTime.Year, c.LocalTime.Month)).Take(keepMonthly).Select(g => g.First()))
        {
            keep.Add(Path.GetFullPath(newestOfMonth.Path));
        }

        return [.. newestFirst.Where(c => !keep.Contains(Path.GetFullPath(c.Path)))];
    }
}
