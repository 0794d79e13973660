using DoSon.Bot.Channels.Telegram.Groups;
using DoSon.Bot.Domain;
using DoSon.Bot.Reminders;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Channels.Telegram;

public class WardDigestTests
{
    private static readonly DateOnly Monday = new(2026, 3, 9);

    [Fact]
    public void Build_Daily_ShouldCountByStatusAndListOverdueBlockedAndDueThisWeek()
    {
        var tasks = new[]
        {
            WardData.Task("A", "UBND", new DateOnly(2026, 3, 5)) with { Percent = 40, Status = WorkTaskStatus.InProgress },
            WardData.Task("B", "CAP", new DateOnly(2026, 3, 12)) with { Status = WorkTaskStatus.Blocked },
            WardData.Task("C", "UBND", new DateOnly(2026, 3, 15)),
            WardData.Task("D", "UBND", new DateOnly(2026, 3, 30)),
            WardData.Task("E", "UBND", new DateOnly(2026, 3, 1)) with { Status = WorkTaskStatus.Done, Percent = 100 },
        };

        var text = WardDigest.Build(tasks, Monday, DigestKind.Daily);

        text.Should().Contain("09/03/2026");
        text.Should().Contain("Tổng số 5 nhiệm vụ: 1 hoàn thành, 1 đang thực hiện, 2 chưa bắt đầu, 1 vướng mắc.");
        text.Should().Contain("⏰ Quá hạn (1):\n• A — Nhiệm vụ A (UBND chủ trì; quá hạn 4 ngày, 40%)");
        text.Should().Contain("⚠️ Đang vướng mắc (1):\n• B");
        text.Should().Contain("📅 Đến hạn trong tuần này (2):\n• B").And.Contain("• C");
        text.Should().NotContain("• D").And.NotContain("• E");
    }

    [Fact]
    public void Build_Weekly_ShouldAddWhatWasFinishedInTheLastSevenDays()
    {
        var done = WardData.Task("E", "UBND", new DateOnly(2026, 3, 8)) with { Status = WorkTaskStatus.Done, Percent = 100 };
        var older = WardData.Task("F", "UBND", new DateOnly(2026, 2, 8)) with { Status = WorkTaskStatus.Done, Percent = 100 };
        IReadOnlyList<ProgressReport> History(string code) => code == "E"
            ? [new ProgressReport("E", "CB-DC", new DateTimeOffset(2026, 3, 7, 3, 0, 0, TimeSpan.Zero), ProgressKind.Done, 100, WorkTaskStatus.Done, null, "telegram")]
            : [new ProgressReport("F", "CB-DC", new DateTimeOffset(2026, 2, 7, 3, 0, 0, TimeSpan.Zero), ProgressKind.Done, 100, WorkTaskStatus.Done, null, "telegram")];

        var text = WardDigest.Build([done, older], Monday, DigestKind.Weekly, History);

        text.Should().Contain("Tổng kết tuần 09/03 – 15/03/2026");
        text.Should().Contain("✅ Hoàn thành trong 7 ngày qua (1):\n• E").And.NotContain("• F");
        text.Should().Contain("Không có nhiệm vụ quá hạn hay vướng mắc.");
    }
}
