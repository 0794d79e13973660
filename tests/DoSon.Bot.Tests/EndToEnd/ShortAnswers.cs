using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DoSon.Bot.Tests.EndToEnd;

/// <summary>A reminder as the reminders send it: planned now in the store, then dispatched through
/// the real dispatcher and outbox (so the message is composed, numbered, sent and remembered as the
/// member's current tasks).</summary>
internal static class ShortAnswerReminders
{
    public static async Task RemindAsync(BotHost bot, string memberCode, params string[] taskCodes)
    {
        var now = bot.Clock.GetUtcNow();
        var store = bot.Services.GetRequiredService<IReminderStore>();
        foreach (var code in taskCodes)
        {
            await store.AddOneOffAsync(new PlannedReminder(ReminderKeys.Snooze(code, memberCode, now), ReminderKind.Snooze, memberCode, code, null, "snooze", now));
        }

        var dispatcher = bot.Services.GetRequiredService<ReminderDispatcher>();
        await dispatcher.DispatchAsync(memberCode, now, CancellationToken.None);
        await dispatcher.WhenIdleAsync(CancellationToken.None).WaitAsync(BotHost.Patience);
    }
}
