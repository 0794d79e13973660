using System.Globalization;
using DoSon.Bot.Domain;

namespace DoSon.Bot.Reminders;

/// <summary>What the retention writes to the log, in one place.</summary>
public static class RetentionTexts
{
    public static string Scheduled(TimeOnly at, int keepDays) =>
        $"Dọn nhắc việc cũ hằng ngày lúc {at.ToString("HH:mm", CultureInfo.InvariantCulture)}: giữ nhắc việc đã xong trong {keepDays} ngày.";

    public const string Off = "Dọn nhắc việc cũ hằng ngày đang tắt (Reminders:RetentionTime để trống).";

    public static string Removed(int removed, int keys, DateTimeOffset before) =>
        $"Đã dọn {removed} nhắc việc đã xong trước {WardClock.Format(before)} (giữ lại {keys} khóa đã gửi để không bao giờ gửi lại).";

    public static string Rebuilt(long before, long after) =>
        $"Đã dựng lại tệp cơ sở dữ liệu sau khi dọn: {Size(before)} → {Size(after)}.";

    public const string RebuildSkipped =
        "Không dựng lại tệp cơ sở dữ liệu: dữ liệu quá nhiều để phiên bản LiteDB đang dùng dựng lại an toàn; các trang trống vẫn được dùng lại cho dữ liệu mới.";

    public static string RebuildCountsDiffer(string? copy) =>
        $"Dựng lại tệp cơ sở dữ liệu xong nhưng số bản ghi khác trước; bản cũ được giữ lại tại {copy ?? "(không tìm thấy)"}. Hãy chạy lệnh check và báo người quản trị.";

    public static string Failed(string reason) => $"Dọn nhắc việc cũ không thành công: {reason}";

    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.GetCultureInfo("vi-VN")) + " MB"
        : Math.Ceiling(bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KB";
}
