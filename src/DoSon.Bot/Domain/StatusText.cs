namespace DoSon.Bot.Domain;

public static class StatusText
{
    public static string Of(WorkTaskStatus status) => status switch
    {
        WorkTaskStatus.NotStarted => "chưa bắt đầu",
        WorkTaskStatus.InProgress => "đang thực hiện",
        WorkTaskStatus.Blocked => "vướng mắc",
        WorkTaskStatus.Done => "hoàn thành",
        WorkTaskStatus.Withdrawn => "đã rút",
        _ => status.ToString(),
    };

    public static string Of(MemberRole role) => role switch
    {
        MemberRole.Admin => "quản trị",
        MemberRole.Leader => "lãnh đạo",
        _ => "thành viên",
    };
}
