namespace DoSon.Bot.Notices;

/// <summary>A notice file that cannot be turned into a draft. The message is Vietnamese, names the
/// file and says what is wrong; it is shown to the office as is.</summary>
public sealed class NoticeRejectedException : Exception
{
    public NoticeRejectedException()
    {
    }

    public NoticeRejectedException(string message)
        : base(message)
    {
    }

    public NoticeRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
