using DoSon.Bot.Hosting;
using DoSon.Bot.Backups;

namespace DoSon.Bot.Storage;

/// <summary>Every sentence about the database file, in one place.</summary>
public static class StorageTexts
{
    public static string InUse(string databasePath, string? owner)
    {
        var who = owner is null ? "một chương trình DoSon.Bot khác" : $"chương trình DoSon.Bot khác ({OwnerText(owner)})";
        return $"Cơ sở dữ liệu {databasePath} đang được {who} sử dụng: hãy dừng chương trình đó ({ProgramName.HowToStopTheBot}) rồi chạy lại, hoặc chỉ định tệp khác bằng --Storage:DatabasePath=...";
    }

    private static string OwnerText(string owner)
    {
        var parts = owner.Split(' ', 2);
        return parts.Length == 2 ? $"tiến trình {parts[0]}, {parts[1]}" : $"tiến trình {owner}";
    }

    public static string FolderNotWritable(string databasePath) =>
        $"Không ghi được vào thư mục {Path.GetDirectoryName(databasePath)} của cơ sở dữ liệu: hãy cấp quyền ghi cho người dùng chạy bot, hoặc chỉ định tệp khác bằng --Storage:DatabasePath=...";

    public static string Using(string databasePath) => $"Cơ sở dữ liệu: {databasePath}";

    public static string CreatedNew(string databasePath) => $"Đã tạo cơ sở dữ liệu mới: {databasePath}";

    /// <summary>Why the database at <paramref name="databasePath"/> cannot be used and what to do,
    /// in one sentence; a file that exists is always said to be left as it is.</summary>
    public static string Refused(DatabaseFileState state, string databasePath, string? detail, BackupOptions backups) => state switch
    {
        DatabaseFileState.Missing =>
            $"Không có tệp cơ sở dữ liệu {databasePath} (Storage:DatabasePath): lệnh này chỉ làm việc trên dữ liệu đã có, hãy chạy lệnh từ thư mục của bot hoặc chỉ đường dẫn đầy đủ bằng --Storage:DatabasePath=...",
        DatabaseFileState.Empty =>
            $"Tệp cơ sở dữ liệu {databasePath} rỗng (0 byte, có thể do đầy đĩa hoặc sao chép hỏng) nên bot không chạy và không ghi đè lên nó; {Recovery(databasePath, backups)}.",
        DatabaseFileState.TooShort =>
            $"Tệp cơ sở dữ liệu {databasePath} chỉ có {detail} byte, quá ngắn để là cơ sở dữ liệu (có thể do đầy đĩa hoặc sao chép hỏng), nên bot không chạy và không ghi đè lên nó; {Recovery(databasePath, backups)}.",
        DatabaseFileState.NotLiteDb =>
            $"Tệp {databasePath} không phải cơ sở dữ liệu của DoSon.Bot (LiteDB) nên bot không chạy và không ghi đè lên nó; hãy kiểm tra Storage:DatabasePath, hoặc {Recovery(databasePath, backups)}.",
        DatabaseFileState.Damaged =>
            $"Tệp cơ sở dữ liệu {databasePath} bị hỏng (LiteDB không đọc được) nên bot không chạy và không ghi đè lên nó; {Recovery(databasePath, backups)}.",
        DatabaseFileState.NewerSchema =>
            $"Tệp cơ sở dữ liệu {databasePath} có phiên bản lược đồ {detail}, mới hơn phiên bản {LiteDbBotStore.SchemaVersion} mà bản DoSon.Bot này hiểu: hãy cài bản DoSon.Bot mới hơn (tệp được giữ nguyên).",
        DatabaseFileState.IsDirectory =>
            $"Đường dẫn cơ sở dữ liệu {databasePath} là một thư mục, không phải tệp: hãy đặt Storage:DatabasePath là một tệp, ví dụ {Path.Combine(databasePath, "doson-bot.db")}.",
        DatabaseFileState.ParentIsFile =>
            $"Không dùng được cơ sở dữ liệu {databasePath} vì {detail} là một tệp chứ không phải thư mục: hãy sửa Storage:DatabasePath.",
        DatabaseFileState.Unreadable =>
            $"Không đọc được tệp cơ sở dữ liệu {databasePath} (thiếu quyền đọc tệp hoặc thư mục của nó): hãy cấp quyền cho người dùng chạy bot (ví dụ sudo chown -R doson-bot {Path.GetDirectoryName(databasePath)}), hoặc chỉ định tệp khác bằng --Storage:DatabasePath=...",
        DatabaseFileState.NotWritable =>
            $"Không ghi được vào tệp cơ sở dữ liệu {databasePath} hoặc thư mục của nó (chỉ đọc): hãy cấp quyền ghi cho người dùng chạy bot (ví dụ sudo chown -R doson-bot {Path.GetDirectoryName(databasePath)}), hoặc chỉ định tệp khác bằng --Storage:DatabasePath=...",
        _ => $"Không dùng được tệp cơ sở dữ liệu {databasePath}.",
    };

    private static string Recovery(string databasePath, BackupOptions backups) =>
        backups.Latest(databasePath) is { } latest
            ? $"bản sao lưu mới nhất là {latest}, khôi phục bằng lệnh: {ProgramName.Command($"restore {latest}")}"
            : $"chưa có bản sao lưu nào trong {backups.ResolveFolder(databasePath)}, hãy chép lại tệp từ nơi lưu trữ khác rồi khôi phục bằng lệnh: {ProgramName.Command("restore <tệp>")}";

    public static string BadProvider(string? provider) =>
        $"Storage:Provider là \"{provider}\", phải là LiteDb (một tệp, mặc định) hoặc PostgreSql.";

    public const string MissingConnectionString =
        "Storage:ConnectionString phải là chuỗi kết nối PostgreSQL (ví dụ Host=127.0.0.1;Database=doson;Username=doson;Password=...) khi Storage:Provider là PostgreSql.";

    public static string BadSchema(string? schema) =>
        $"Storage:Schema là \"{schema}\", phải là tên lược đồ gồm chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ (ví dụ doson).";

    /// <summary>The server cannot be reached or refuses the login; the connection string is not repeated (it may hold a password).</summary>
    public static string PostgreSqlUnreachable(string host, string detail) =>
        $"Không kết nối được máy chủ PostgreSQL {host} (Storage:ConnectionString): {detail}; hãy kiểm tra máy chủ đang chạy, tên người dùng và mật khẩu, rồi chạy lại.";

    public static string PostgreSqlMigrationFailed(string schema, string detail) =>
        $"Không cập nhật được lược đồ {schema} (Storage:Schema) trên PostgreSQL: {detail}; dữ liệu được giữ nguyên, hãy kiểm tra quyền của người dùng trên lược đồ này rồi chạy lại.";

    public static string PostgreSqlSchemaMissing(string host, string schema) =>
        $"Máy chủ PostgreSQL {host} chưa có lược đồ {schema} (Storage:Schema): lệnh này chỉ làm việc trên dữ liệu đã có, hãy kiểm tra Storage:Schema hoặc nạp dữ liệu trước bằng lệnh import.";

    public static string PostgreSqlUsing(string host, string schema) => $"Cơ sở dữ liệu: PostgreSQL {host}, lược đồ {schema}";

    /// <summary>A verb that works on the LiteDB file only, refused under PostgreSQL.</summary>
    public static string FileOnlyVerb(string verb) =>
        $"Lệnh {verb} chỉ dùng cho tệp LiteDB; khi Storage:Provider là PostgreSql, đồng chí hãy sao lưu và khôi phục bằng pg_dump và pg_restore của PostgreSQL (xem mục \"Chạy trên PostgreSQL\" trong README).";
}
