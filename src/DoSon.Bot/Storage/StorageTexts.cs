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

    // `storage copy`

    public const string CopyUsage =
        "storage copy --to <LiteDb|PostgreSql> --connection <chuỗi kết nối PostgreSQL hoặc tệp LiteDB> [--schema <lược đồ>]  chép cả phường đang dùng sang kho khác (kho đích phải trống; dừng bot trước khi chép từ tệp LiteDB)";

    public const string CopyMissingVerb = "Thiếu «copy» sau «storage».";

    public static string CopyUnknownOption(string option) => $"Không có tùy chọn «{option}».";

    public static string CopyMissingValue(string option) => $"Thiếu giá trị sau «{option}».";

    public const string CopyMissingTarget = "Thiếu --to (LiteDb hoặc PostgreSql) hoặc --connection.";

    public static string CopyBadProvider(string provider) => $"«{provider}» không phải là LiteDb hay PostgreSql.";

    public const string CopySchemaOnlyForPostgreSql = "--schema chỉ dùng khi chép sang PostgreSql.";

    public static string PostgreSqlPlace(string host, string schema) => $"PostgreSQL {host}, lược đồ {schema}";

    public static string CopyTargetNotEmpty(string place) =>
        $"Kho đích {place} đã có dữ liệu nên lệnh không ghi gì: chỉ chép được vào kho trống, hãy chọn lược đồ khác (--schema).";

    public static string CopyTargetFileExists(string path) =>
        $"Tệp đích {path} đã có nên lệnh không ghi gì: chỉ chép được vào tệp chưa có, hãy chọn tên tệp khác.";

    public static string CopyFailed(string place, string detail) =>
        $"Không chép được vào {place} ({detail}); kho đích không bị ghi dở, vẫn trống như trước.";

    public static string CopyNotVerified(string place) =>
        $"Bản chép vào {place} không khớp với nguồn (số bản ghi hoặc mã kiểm tra khác nhau) nên đã được gỡ bỏ; kho đích vẫn trống như trước.";

    public static string Copied(string source, string place) => $"Đã chép phường từ {source} sang {place}; số bản ghi và mã kiểm tra của hai bên khớp nhau:";

    public static string CopyCountLine(string name, int count) => $"  {name}: {count}";

    public static string CopyChecksumLine(string checksum) => $"  Mã kiểm tra SHA-256 của nhiệm vụ và lịch sử: {checksum}";

    public const string CopyLeftOut =
        "Không chép: phiên đăng nhập web và khóa bảo vệ dữ liệu (thành viên đăng nhập trang web lại), bản nháp thông báo chờ xác nhận (gửi lại thông báo), bộ đếm mã mời sai, vị trí đã đọc tin của nền tảng chat.";

    public static string CopyNextPostgreSql(string schema) =>
        $"Để bot dùng kho mới: dừng bot, đặt Storage:Provider=PostgreSql, Storage:ConnectionString của máy chủ này và Storage:Schema={schema}, rồi chạy lại bot.";

    public static string CopyNextLiteDb(string path) =>
        $"Để bot dùng kho mới: dừng bot, đặt Storage:Provider=LiteDb và Storage:DatabasePath={path}, rồi chạy lại bot.";

    public const string CopyUnits = "Đơn vị";
    public const string CopyMembers = "Thành viên";
    public const string CopyLinkedMembers = "Thành viên đã liên kết tài khoản chat";
    public const string CopyMilestones = "Mốc thời gian";
    public const string CopySources = "Văn bản nguồn";
    public const string CopyTasks = "Nhiệm vụ";
    public const string CopyHistory = "Lịch sử cập nhật";
    public const string CopyPendingReminders = "Nhắc việc đang chờ gửi";
    public const string CopyReminderLog = "Nhật ký nhắc việc";
    public const string CopyTelegramGroups = "Nhóm Telegram";
    public const string CopyTelegramMessages = "Tin nhắn Telegram gắn với nhiệm vụ";
    public const string CopyGroupDigests = "Bản tin nhóm đã gửi";
    public const string CopyInvites = "Mã mời";
    public const string CopyCalendarFeeds = "Lịch web";
    public const string CopyHandledUpdates = "Tin đã xử lý";
    public const string CopyCurrentTasks = "Nhiệm vụ đang nói tới";
}
