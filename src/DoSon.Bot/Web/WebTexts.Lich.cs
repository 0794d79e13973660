using DoSon.Bot.Domain;

namespace DoSon.Bot.Web;

public static partial class WebTexts
{
    // Lịch: the page and the feed's own words.
    public const string CalendarIntro =
        "Địa chỉ lịch đưa hạn nhiệm vụ của đồng chí và các mốc của phường vào ứng dụng lịch trên điện thoại; lịch tự cập nhật khi nhiệm vụ thay đổi.";

    public const string CalendarScopeOwn = "Lịch gồm các nhiệm vụ chưa hoàn thành của đồng chí (như lệnh /nhiemvu) và các mốc của phường.";
    public const string CalendarScopeWard = "Lịch gồm các nhiệm vụ chưa hoàn thành của toàn phường và các mốc của phường.";
    public const string CalendarNone = "Đồng chí chưa có địa chỉ lịch. Bấm «Tạo địa chỉ lịch» để tạo.";
    public const string CalendarCreate = "Tạo địa chỉ lịch";
    public const string CalendarRenew = "Tạo địa chỉ mới";
    public const string CalendarNewAddress = "Địa chỉ lịch của đồng chí";

    public const string CalendarShownOnce =
        "Đồng chí sao chép địa chỉ này ngay: vì lý do an toàn, hệ thống chỉ lưu dấu vân tay (mã băm) của địa chỉ nên sẽ không hiển thị lại được. Ai có địa chỉ này đều xem được lịch, đề nghị không chuyển cho người khác.";

    public static string CalendarExists(DateTimeOffset createdAt) =>
        $"Đồng chí đã có địa chỉ lịch, tạo lúc {WardClock.Format(createdAt)}. Địa chỉ không hiển thị lại được; nếu quên hoặc lộ địa chỉ, đồng chí bấm «{CalendarRenew}»: địa chỉ cũ thôi hoạt động ngay.";

    public const string CalendarRenewWarning = "Địa chỉ cũ sẽ thôi hoạt động; điện thoại đang theo dõi địa chỉ cũ cần được thêm lại bằng địa chỉ mới.";
    public const string CalendarHowTo = "Cách thêm vào điện thoại";
    public const string CalendarIphone = "iPhone: vào Cài đặt → Lịch → Tài khoản → Thêm tài khoản → Khác → Thêm lịch đã đăng ký, dán địa chỉ lịch rồi bấm Tiếp.";
    public const string CalendarAndroid = "Android: mở calendar.google.com trên máy tính, chọn Lịch khác → Từ URL, dán địa chỉ lịch rồi bấm Thêm lịch; lịch hiện trong ứng dụng Google Lịch trên điện thoại sau ít phút.";
    public const string CalendarRefresh = "Ứng dụng lịch tự tải lại địa chỉ vài giờ một lần, nên thay đổi có thể hiện chậm.";

    public const string CalendarName = "Nhiệm vụ Đồ Sơn";

    public static string CalendarEventTitle(WorkTask task) => $"{task.Code}: {task.Title}";

    public static string CalendarMilestoneTitle(Milestone milestone) => $"Mốc: {milestone.Name}";

    public static string CalendarEventDescription(WorkTask task, string leadUnit, string link) =>
        $"Hạn: {DueText.Deadline(task)}\nĐơn vị chủ trì: {leadUnit}\nTrạng thái: {StatusText.Of(task.Status)} {task.Percent}%\nXem và cập nhật: {link}";
}
