namespace DoSon.Bot.Hosting;

/// <summary>Every sentence the top level of the program says about settings, in one place.</summary>
public static class HostingTexts
{
    public const string SettingsHeader = "Cấu hình không hợp lệ (sửa trong appsettings.json, biến môi trường hoặc dòng lệnh rồi chạy lại):";

    public const string ExpectInstant = "phải là thời điểm theo ISO 8601 có múi giờ, ví dụ 2026-03-01T07:00:00+07:00 (không dùng dạng 01/03/2026, dễ bị hiểu nhầm ngày và tháng)";

    public const string ExpectBool = "phải là true hoặc false";

    public const string ExpectInteger = "phải là một số nguyên, ví dụ 14";

    public const string ExpectNumber = "phải là một số, dùng dấu chấm cho phần thập phân, ví dụ 60 hoặc 0.5";

    public const string ExpectDuration = "phải là một khoảng thời gian dạng giờ:phút:giây, ví dụ 00:30:00";

    public const string ExpectTime = "phải là giờ dạng HH:mm, ví dụ 07:30";

    public const string ExpectDate = "phải là ngày dạng yyyy-MM-dd, ví dụ 2026-03-01";

    public static string ExpectOneOf(IEnumerable<string> names) => "phải là một trong: " + string.Join(", ", names);

    public static string ExpectType(string type) => $"không đọc được thành kiểu {type}";

    public static string CannotRead(string key, string value, string hint) => $"{key} = «{value}» không hợp lệ: {hint}.";

    /// <summary>The binder's own refusal, when a value slipped past <see cref="SettingsCheck"/>.</summary>
    public static string CannotConvert(string key) => $"{key}: giá trị không đọc được, hãy xem appsettings.example.json để biết dạng đúng.";

    /// <summary>Who holds the database, as a second program is told.</summary>
    public const string BotHolder = "bot đang chạy";

    public static string VerbHolder(string verb) => $"lệnh {verb}";
}
