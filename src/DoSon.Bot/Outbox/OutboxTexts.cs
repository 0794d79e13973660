namespace DoSon.Bot.Outbox;

/// <summary>What a person reads when an answer is too long or could not be sent whole.</summary>
public static class OutboxTexts
{
    /// <summary>Under the first parts of an answer longer than the outbox sends.</summary>
    public static string TooLong(int shown, int total, string? howToGetAll) =>
        $"✂️ Câu trả lời dài {total} phần; đã gửi {shown} phần đầu. "
        + (string.IsNullOrWhiteSpace(howToGetAll)
            ? "Đồng chí hãy hỏi hẹp hơn (theo đơn vị, theo nhiệm vụ) để xem phần còn lại."
            : char.ToUpperInvariant(howToGetAll[0]) + howToGetAll[1..].TrimEnd('.') + ".");

    /// <summary>After a part that could not be sent: the person knows the answer is incomplete.</summary>
    public static string Cut(int part, int total) =>
        $"⚠️ Câu trả lời bị cắt: phần {part}/{total} trở đi chưa gửi được, đồng chí hãy gửi lại lệnh sau ít phút.";
}
