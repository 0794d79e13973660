using System.ComponentModel.DataAnnotations;

namespace DoSon.Bot.Backups;

public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>Where copies of the database go; empty: a "backups" folder beside the database file.</summary>
    public string? Folder { get; set; }

    [Range(1, 3650, ErrorMessage = "Backup:KeepDaily phải là số bản sao lưu hằng ngày giữ lại, từ 1 đến 3650.")]
    public int KeepDaily { get; set; } = 14;

    [Range(0, 1200, ErrorMessage = "Backup:KeepMonthly phải là số bản sao lưu hằng tháng giữ lại, từ 0 đến 1200.")]
    public int KeepMonthly { get; set; } = 12;

    /// <summary>Local time (HH:mm, Asia/Ho_Chi_Minh) of the daily backup; empty turns it off.</summary>
    public string? DailyTime { get; set; } = "02:30";

    /// <summary>The folder backups of this database go to, as a full path.</summary>
    public string ResolveFolder(string databasePath)
    {
        var database = Path.GetFullPath(databasePath);
        return string.IsNullOrWhiteSpace(Folder)
            ? Path.Combine(Path.GetDirectoryName(database)!, "backups")
            : Path.GetFullPath(Folder);
    }

    /// <summary>The newest copy in the backup folder (by time written), or null when there is none.</summary>
    public string? Latest(string databasePath)
    {
        var folder = ResolveFolder(databasePath);
        try
        {
            return Directory.Exists(folder)
                ? new DirectoryInfo(folder).GetFiles("*.db").OrderByDescending(f => f.LastWriteTimeUtc).FirstOrDefault()?.FullName
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
