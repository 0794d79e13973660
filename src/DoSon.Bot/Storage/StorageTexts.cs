namespace DoSon.Bot.Storage;

/// <summary>Every sentence about the database file, in one place.</summary>
public static class StorageTexts
{
    public static string InUse(string databasePath, string? owner)
    {
        var who = owner is null ? "một chương trình DoSon.Bot khác" : $"chương trình DoSon.Bot khác ({OwnerText(owner)})";
        return $"Cơ sở dữ liệu {databasePath} đang được {who} sử dụng: hãy dừng chương trình đó (ví dụ sudo systemctl stop doson-bot) rồi chạy lại, hoặc chỉ định tệp khác bằng --Storage:DatabasePath=...";
    }

    private static string OwnerText(string owner)
    {
        var parts = owner.Split(' ', 2);
        return parts.Length == 2 ? $"tiến trình {parts[0]}, {parts[1]}" : $"tiến trình {owner}";
    }

    public static string FolderNotWritable(string databasePath) =>
        $"Không ghi được vào thư mục {Path.GetDirectoryName(databasePath)} của cơ sở dữ liệu: hãy cấp quyền ghi cho người dùng chạy bot, hoặc chỉ định tệp khác bằng --Storage:DatabasePath=...";
}
