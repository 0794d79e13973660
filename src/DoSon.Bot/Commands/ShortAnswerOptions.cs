using System.Globalization;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Commands;

/// <summary>How long a member's short answers ("xong", "50") stay tied to the task of the bot's last
/// reminder or /chitiet to them. Read from the "Chat" section, beside the chats' other settings.</summary>
public sealed class ShortAnswerOptions
{
    public const string Section = "Chat";

    /// <summary>Minutes after a reminder or a /chitiet during which that task is the member's current task.</summary>
    public int CurrentTaskMinutes { get; set; } = 1440;

    /// <summary>How long "hoàn tác" can undo the last short answer's change (fixed: the five minutes).</summary>
    public static readonly TimeSpan UndoWindow = TimeSpan.FromMinutes(5);
}

public sealed class ShortAnswerOptionsValidator : IValidateOptions<ShortAnswerOptions>
{
    public ValidateOptionsResult Validate(string? name, ShortAnswerOptions options) =>
        options.CurrentTaskMinutes is >= 1 and <= 43_200
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(string.Create(CultureInfo.InvariantCulture,
                $"Chat:CurrentTaskMinutes = {options.CurrentTaskMinutes} không hợp lệ: phải từ 1 đến 43200 phút (30 ngày; mặc định 1440, tức 24 giờ)."));
}
