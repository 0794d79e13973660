using DoSon.Bot.Domain;

namespace DoSon.Bot.Web;

/// <summary>Every Vietnamese sentence of the web console and of /web: this file holds the shared ones and
/// the dashboard's; each page keeps its own in WebTexts.&lt;Page&gt;.cs beside it.</summary>
public static partial class WebTexts
{
    public const string Title = "Trang quản trị Đồ Sơn";
    public const string Dashboard = "Tổng quan";
    public const string TasksPage = "Nhiệm vụ";
    public const string ImportPage = "Nhập dữ liệu";
    public const string MembersPage = "Thành viên";
    public const string RemindersPage = "Nhắc việc";
    public const string ReportPage = "Báo cáo";
    public const string CalendarPage = "Lịch";
    public const string SignOut = "Đăng xuất";

    public const string BadListenUrls = "Web:ListenUrls phải là một hoặc nhiều địa chỉ http(s) cách nhau bằng dấu ;, ví dụ http://127.0.0.1:5080.";
    public const string BadPublicUrl = "Web:PublicUrl phải là địa chỉ http(s) mà mọi người mở trang quản trị, ví dụ https://dieuhanh.example.vn.";

    public static string ListenUrlBusy(string address) =>
        $"Không mở được trang quản trị: địa chỉ {address} trong Web:ListenUrls đang được chương trình khác dùng; đồng chí chọn cổng khác hoặc dừng chương trình đó.";

    public const string OnlyInPrivateChat = "Đường dẫn đăng nhập chỉ gửi trong tin nhắn riêng: đồng chí nhắn /web cho bot ở cửa sổ trò chuyện riêng.";

    public const string WebOff = "Trang quản trị đang tắt (Web:Enabled = false), đồng chí nhờ quản trị viên bật lên.";

    public static string LoginLink(string link, int minutes) =>
        $"Đường dẫn đăng nhập trang quản trị của đồng chí (dùng một lần, trong {minutes} phút):\n{link}\nĐề nghị đồng chí không chuyển đường dẫn này cho người khác.";

    public static string ConsoleBanner(string address, string memberCode, string link, int minutes) =>
        $"Trang quản trị: {address}\nĐường dẫn đăng nhập cho {memberCode} (dùng một lần, trong {minutes} phút): {link}\nHết hạn thì gõ /web trong cửa sổ trò chuyện để nhận đường dẫn mới.";

    // Sign-in pages
    public const string NeedSignInHeading = "Đồng chí cần đăng nhập";
    public const string NeedSignIn = "Đồng chí gửi lệnh /web cho bot (Telegram, Zalo hoặc cửa sổ trò chuyện) để nhận đường dẫn đăng nhập dùng một lần.";
    public const string LinkRefusedHeading = "Đường dẫn không dùng được";
    public const string LinkUnknown = "Đường dẫn đăng nhập này không đúng. Đồng chí gửi /web cho bot để nhận đường dẫn mới.";
    public const string LinkUsed = "Đường dẫn đăng nhập này đã được dùng. Mỗi đường dẫn chỉ dùng một lần; đồng chí gửi /web cho bot để nhận đường dẫn mới.";
    public const string LinkExpired = "Đường dẫn đăng nhập này đã hết hạn. Đồng chí gửi /web cho bot để nhận đường dẫn mới.";
    public const string SignedOut = "Đồng chí đã đăng xuất.";
    public const string TooMany = "Đồng chí thử quá nhiều lần trong thời gian ngắn; xin chờ một phút rồi thử lại.";
    public const string MemberGone = "Thành viên của đường dẫn này không còn trong danh sách. Đồng chí liên hệ quản trị viên.";

    // Dashboard
    public static string SignedInAs(Member member) => $"{MemberName.Address(member)} ({StatusText.Of(member.Role)})";

    public static string DashboardScope(MemberRole role) => role switch
    {
        MemberRole.Admin => "Toàn phường (quản trị)",
        MemberRole.Leader => "Toàn phường",
        _ => "Nhiệm vụ của đồng chí và đơn vị của đồng chí",
    };

    public static string AsOf(DateOnly today) => $"Số liệu ngày {WardClock.Format(today)}";

    public const string Total = "Tổng số";
    public const string Done = "Hoàn thành";
    public const string InProgress = "Đang thực hiện";
    public const string NotStarted = "Chưa bắt đầu";
    public const string Blocked = "Vướng mắc";
    public const string Overdue = "Quá hạn";
    public const string ByUnit = "Theo đơn vị chủ trì";
    public const string Unit = "Đơn vị";
    public const string DoneOfTotal = "Xong / tổng";
    public const string Milestones = "Các mốc";
    public const string OverdueTasks = "Nhiệm vụ quá hạn";
    public const string BlockedTasks = "Nhiệm vụ vướng mắc";
    public const string NoOverdue = "Không có nhiệm vụ quá hạn.";
    public const string NoBlocked = "Không có nhiệm vụ vướng mắc.";
    public const string NoTasks = "Chưa có nhiệm vụ nào trong phạm vi của đồng chí.";
    public const string Chart = "Biểu đồ tiến độ theo đơn vị chủ trì";
    public const string ChartOpen = "Chưa xong, còn hạn";
    public const string Due = "Hạn";
    public const string Task = "Nhiệm vụ";

    // Readiness
    public const string StoreClosed = "cơ sở dữ liệu chưa mở";
    public const string StoreUnreachable = "không liên lạc được máy chủ PostgreSQL";
    public const string SchedulerStopped = "bộ lập lịch nhắc việc chưa chạy";

    public static string PlatformSilent(string platform, int minutes) => $"{platform} chưa trả lời trong {minutes} phút qua";
}
