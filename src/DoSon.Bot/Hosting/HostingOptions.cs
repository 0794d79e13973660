using System.ComponentModel.DataAnnotations;

namespace DoSon.Bot.Hosting;

public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Assignment file loaded into an empty database at start; empty turns seeding off.</summary>
    public string? File { get; set; } = "data/sample/thang-03-2026.json";
}

public sealed class ClockOptions
{
    public const string Section = "Clock";

    /// <summary>An instant the app's clock starts from (e.g. 2026-03-01T07:00+07:00); empty: real time.</summary>
    public DateTimeOffset? Start { get; set; }

    /// <summary>How many times faster than real time the app's clock runs (1 = real time).</summary>
    [Range(0.001, 1_000_000, ErrorMessage = "Clock:Speed phải là số dương (1 = thời gian thực, 60 = một phút thành một giờ).")]
    public double Speed { get; set; } = 1;
}

public sealed class ConsoleChatOptions
{
    public const string Section = "Console";

    /// <summary>The member the terminal chat speaks as, when no Telegram or Zalo token is set.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Console:Member phải là mã một thành viên (ví dụ CVP).")]
    public string Member { get; set; } = "CVP";
}
