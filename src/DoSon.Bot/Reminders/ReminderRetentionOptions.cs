using Microsoft.Extensions.Options;

namespace DoSon.Bot.Reminders;

/// <summary>How long finished reminders are kept (section "Reminders", beside the policy: the same
/// section, bound apart so that the retention's keys stay in its own files).</summary>
public sealed class ReminderRetentionOptions
{
    /// <summary>Sent, cancelled, skipped and failed reminders are removed this many days after they
    /// reached that state; pending ones are never removed.</summary>
    public int KeepDays { get; set; } = 90;

    /// <summary>Local time (HH:mm, ward time) of the daily retention; empty: no daily run.</summary>
    public string? RetentionTime { get; set; } = "02:45";
}

internal sealed class ReminderRetentionOptionsValidator : IValidateOptions<ReminderRetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderRetentionOptions o)
    {
        const string s = ReminderOptions.Section;
        var errors = new List<string>();
        if (o.KeepDays is < 1 or > 3650)
        {
            errors.Add($"{s}:KeepDays (số ngày giữ nhắc việc đã gửi, đã hủy, bị bỏ qua hoặc lỗi) phải từ 1 đến 3650, đang là {o.KeepDays}.");
        }

        if (!string.IsNullOrWhiteSpace(o.RetentionTime) && !ReminderPolicy.TryParseTime(o.RetentionTime, out _))
        {
            errors.Add($"{s}:RetentionTime phải là giờ trong ngày dạng HH:mm (ví dụ 02:45), hoặc để trống để không dọn hằng ngày, đang là «{o.RetentionTime}».");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
