using System.Globalization;
using DoSon.Bot.Outbox;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Reminders;

/// <summary>The reminder policy (section "Reminders"). Times are local to the ward (Asia/Ho_Chi_Minh)
/// and written HH:mm; they stay strings here so that a wrong value gets a Vietnamese message naming
/// the key instead of a binder exception.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Days before the due date to remind the assignees; null means 7, 3, 1. (Arrays are
    /// left null by default because the configuration binder appends to a pre-filled array.)</summary>
    public int[]? DaysBefore { get; set; }

    /// <summary>Remind on the due date itself.</summary>
    public bool OnTheDay { get; set; } = true;

    /// <summary>Local time of day the day-based reminders go out for deadlines without a time.</summary>
    public string TimeOfDay { get; set; } = "07:30";

    /// <summary>Daily nudges after the due date until the task is done, at most this many.</summary>
    public int OverdueNudges { get; set; } = 5;

    /// <summary>Days overdue after which the lead unit's leaders and the admins are told; 0 turns escalation off.</summary>
    public int EscalateAfterDays { get; set; } = 2;

    public QuietHoursOptions QuietHours { get; set; } = new();

    /// <summary>Days before a milestone to remind everyone with an open task tied to it; null means 7, 1, 0.</summary>
    public int[]? MilestoneDaysBefore { get; set; }

    /// <summary>After downtime, reminders missed by at most this many hours are sent late; older ones are skipped.</summary>
    public double CatchUpHours { get; set; } = 12;

    /// <summary>Quartz holds the reminders due within this many hours; an hourly job adds the ones
    /// entering it. At least 2 (more than the hour between top-ups).</summary>
    public double SchedulingHorizonHours { get; set; } = 48;

    public DigestOptions Digest { get; set; } = new();

    public GroupDigestOptions GroupDigest { get; set; } = new();

    public OutboxOptions Outbox { get; set; } = new();

    internal static readonly int[] DefaultDaysBefore = [7, 3, 1];
    internal static readonly int[] DefaultMilestoneDaysBefore = [7, 1, 0];
}

public sealed class QuietHoursOptions
{
    /// <summary>Local time quiet hours begin (nothing is sent from then); empty turns quiet hours off.</summary>
    public string? Start { get; set; } = "21:00";

    /// <summary>Local time quiet hours end; what fell due meanwhile is sent then.</summary>
    public string? End { get; set; } = "07:00";
}

public sealed class DigestOptions
{
    /// <summary>Send each member a daily summary of their open tasks (admins: also delivery problems).</summary>
    public bool Enabled { get; set; }

    /// <summary>Local time of day of the digest.</summary>
    public string Time { get; set; } = "17:00";

    /// <summary>The digest lists tasks overdue or due within this many days.</summary>
    public int DaysAhead { get; set; } = 7;
}

/// <summary>The ward digest for the Telegram groups an admin registered (/dangkynhom). Nothing is
/// sent when Telegram is not configured.</summary>
public sealed class GroupDigestOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Local time of the daily digest; empty: no daily digest.</summary>
    public string? DailyTime { get; set; } = "07:00";

    /// <summary>Day of the weekly summary (Monday … Sunday, or Thứ Hai … Chủ nhật); empty: no weekly summary.</summary>
    public string? WeeklyDay { get; set; } = "Monday";

    /// <summary>Local time of the weekly summary on that day.</summary>
    public string WeeklyTime { get; set; } = "07:00";
}

/// <summary>Checks the section at start; each message names the key and says what is expected.</summary>
internal sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions o)
    {
        var errors = new List<string>();
        const string s = ReminderOptions.Section;

        CheckTime(errors, $"{s}:TimeOfDay", o.TimeOfDay, required: true);
        CheckTime(errors, $"{s}:Digest:Time", o.Digest.Time, required: o.Digest.Enabled);
        var startSet = !string.IsNullOrWhiteSpace(o.QuietHours.Start);
        var endSet = !string.IsNullOrWhiteSpace(o.QuietHours.End);
        if (startSet != endSet)
        {
            errors.Add($"{s}:QuietHours:Start và {s}:QuietHours:End phải cùng được đặt (ví dụ 21:00 và 07:00) hoặc cùng để trống để tắt giờ yên lặng.");
        }
        else if (startSet)
        {
            CheckTime(errors, $"{s}:QuietHours:Start", o.QuietHours.Start, required: true);
            CheckTime(errors, $"{s}:QuietHours:End", o.QuietHours.End, required: true);
            if (string.Equals(o.QuietHours.Start?.Trim(), o.QuietHours.End?.Trim(), StringComparison.Ordinal))
            {
                errors.Add($"{s}:QuietHours:Start và {s}:QuietHours:End không được trùng nhau.");
            }
        }

        CheckDays(errors, $"{s}:DaysBefore", o.DaysBefore, min: 1);
        CheckDays(errors, $"{s}:MilestoneDaysBefore", o.MilestoneDaysBefore, min: 0);
        CheckRange(errors, $"{s}:OverdueNudges", o.OverdueNudges, 0, 60, "số lần nhắc sau hạn");
        CheckRange(errors, $"{s}:EscalateAfterDays", o.EscalateAfterDays, 0, 365, "số ngày quá hạn trước khi báo lãnh đạo (0 = tắt)");
        if (o.CatchUpHours is < 0 or > 24 * 14)
        {
            errors.Add($"{s}:CatchUpHours phải từ 0 đến 336 giờ, đang là {o.CatchUpHours.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (o.SchedulingHorizonHours is < 2 or > 24 * 90 || double.IsNaN(o.SchedulingHorizonHours))
        {
            errors.Add($"{s}:SchedulingHorizonHours (số giờ tới mà lịch Quartz giữ sẵn nhắc việc) phải từ 2 đến 2160 giờ, đang là {o.SchedulingHorizonHours.ToString(CultureInfo.InvariantCulture)}.");
        }

        CheckRange(errors, $"{s}:Digest:DaysAhead", o.Digest.DaysAhead, 0, 366, "số ngày");
        if (o.GroupDigest.Enabled)
        {
            CheckTime(errors, $"{s}:GroupDigest:DailyTime", o.GroupDigest.DailyTime, required: false);
            if (!string.IsNullOrWhiteSpace(o.GroupDigest.WeeklyDay))
            {
                if (!GroupDigestSchedule.TryParseDay(o.GroupDigest.WeeklyDay, out _))
                {
                    errors.Add($"{s}:GroupDigest:WeeklyDay phải là một ngày trong tuần: Monday … Sunday hoặc Thứ Hai … Chủ nhật (để trống: không gửi tổng kết tuần), đang là «{o.GroupDigest.WeeklyDay}».");
                }

                CheckTime(errors, $"{s}:GroupDigest:WeeklyTime", o.GroupDigest.WeeklyTime, required: true);
            }
        }

        CheckRange(errors, $"{s}:Outbox:PerChatPerSecond", o.Outbox.PerChatPerSecond, 0, 1000, "số tin mỗi giây vào một cuộc trò chuyện");
        CheckRange(errors, $"{s}:Outbox:PerSecond", o.Outbox.PerSecond, 1, 10_000, "số tin mỗi giây");
        CheckRange(errors, $"{s}:Outbox:PerGroupPerMinute", o.Outbox.PerGroupPerMinute, 1, 10_000, "số tin mỗi phút vào một nhóm");
        CheckRange(errors, $"{s}:Outbox:MaxParts", o.Outbox.MaxParts, 2, 100, "số phần của một tin");
        CheckRange(errors, $"{s}:Outbox:MaxTries", o.Outbox.MaxTries, 1, 100, "số lần thử");
        CheckRange(errors, $"{s}:Outbox:SafetyMarginMilliseconds", o.Outbox.SafetyMarginMilliseconds, 0, 1000, "số mili giây");
        if (o.Outbox.BaseDelaySeconds is <= 0 or > 3600)
        {
            errors.Add($"{s}:Outbox:BaseDelaySeconds phải lớn hơn 0 và không quá 3600 giây.");
        }

        if (o.Outbox.MaxDelaySeconds < o.Outbox.BaseDelaySeconds || o.Outbox.MaxDelaySeconds > 24 * 3600)
        {
            errors.Add($"{s}:Outbox:MaxDelaySeconds phải từ {s}:Outbox:BaseDelaySeconds đến 86400 giây.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckTime(List<string> errors, string key, string? value, bool required)
    {
        if (!required && string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (!ReminderPolicy.TryParseTime(value, out _))
        {
            errors.Add($"{key} phải là giờ trong ngày dạng HH:mm (ví dụ 07:30), đang là «{value}».");
        }
    }

    private static void CheckDays(List<string> errors, string key, int[]? days, int min)
    {
        if (days is null)
        {
            return;
        }

        foreach (var d in days.Where(d => d < min || d > 366))
        {
            errors.Add($"{key} chỉ gồm số ngày từ {min} đến 366, có giá trị {d}.");
        }
    }

    private static void CheckRange(List<string> errors, string key, int value, int min, int max, string what)
    {
        if (value < min || value > max)
        {
            errors.Add($"{key} ({what}) phải từ {min} đến {max}, đang là {value}.");
        }
    }
}
