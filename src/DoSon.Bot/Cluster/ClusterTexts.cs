using System.Globalization;

namespace DoSon.Bot.Cluster;

/// <summary>What the cluster says, in the settings checks and in the log (for the operator).</summary>
public static class ClusterTexts
{
    public const string NeedsPostgreSql =
        "Cluster:Enabled chỉ dùng được khi Storage:Provider là PostgreSql: hai máy chỉ chia nhau một phường qua cùng một máy chủ PostgreSQL.";

    public static string BadTakeover(int seconds) => string.Create(CultureInfo.InvariantCulture,
        $"Cluster:TakeoverSeconds = {seconds} không hợp lệ: phải từ 3 đến 600 giây (mặc định 15).");

    public const string LongInstanceName = "Cluster:InstanceName dài quá 40 ký tự: đồng chí hãy đặt tên máy ngắn hơn.";

    public static string TookOver(string instance, int released) => released == 0
        ? $"Máy {instance} đã nhận quyền chủ động: từ giờ máy này hỏi tin nhắn, lên lịch và gửi nhắc việc."
        : $"Máy {instance} đã nhận quyền chủ động: từ giờ máy này hỏi tin nhắn, lên lịch và gửi nhắc việc; {released} nhắc việc máy trước đang gửi dở được gửi lại.";

    public static string SteppedDown(string instance, string reason) =>
        $"Máy {instance} thôi quyền chủ động vì {reason}: đã dừng hỏi tin nhắn và gửi nhắc việc, tiến trình tự kết thúc để khởi động lại làm máy dự phòng.";

    public static string Standby(string instance) =>
        $"Máy {instance} chạy dự phòng: phục vụ trang quản trị, chờ nhận quyền khi máy chủ động dừng.";

    public static string StoppedActive(string instance) =>
        $"Máy {instance} dừng và trả quyền chủ động cho máy dự phòng.";

    public const string LostLock = "mất kết nối giữ quyền với PostgreSQL";

    public static string CannotTry(string instance, string error) =>
        $"Máy {instance} chưa liên lạc được PostgreSQL để nhận quyền chủ động ({error}); sẽ thử lại.";
}
