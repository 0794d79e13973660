using System.Globalization;
using DoSon.Bot.Domain;
using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DoSon.Bot.Bench;

/// <summary>3,000 reminders falling due in the same minute, one to each of 3,000 chats, through the
/// whole path (Quartz, dispatcher, outbox) to a platform that enforces 30 messages per second: an
/// in-process one, or the Telegram client and the fake Bot API server. Runs on the real clock: about
/// 100 seconds after a wait of up to 100 seconds for the due minute.</summary>
internal static class DispatchBench
{
    public const int Chats = 3_000;

    /// <param name="telegram">Through the real Telegram client to the fake Bot API server on
    /// 127.0.0.1, rather than to the in-process platform.</param>
    public static async Task<Dictionary<string, string>> Run(string folder, bool telegram = false)
    {
        var clock = TimeProvider.System;
        // The due minute: far enough ahead for the host to start, on a whole minute of the ward's clock.
        var local = WardClock.ToLocal(clock.GetUtcNow()).AddSeconds(40);
        var due = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, local.Offset).AddMinutes(1);
        var dueDate = DateOnly.FromDateTime(due.DateTime).AddDays(3);
        await using var target = telegram
            ? await TelegramTarget.StartAsync(Chats)
            : (IBenchTarget)new RateLimitedChannel(clock, 30, TimeSpan.FromMilliseconds(20));
        var settings = new Dictionary<string, string?>
        {
            // Only the "3 days before" step, at the due minute; nothing else.
            ["Reminders:DaysBefore:0"] = "3",
            ["Reminders:OnTheDay"] = "false",
            ["Reminders:OverdueNudges"] = "0",
            ["Reminders:EscalateAfterDays"] = "0",
            ["Reminders:TimeOfDay"] = due.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["Reminders:QuietHours:Start"] = "",
            ["Reminders:QuietHours:End"] = "",
        };

        foreach (var (key, value) in target.Settings)
        {
            settings[key] = value;
        }

        var db = Path.Combine(folder, telegram ? "dispatch-telegram.db" : "dispatch.db");
        using var host = BenchHost.Build(folder, db, clock, target.Channel, settings);
        var plan = BenchWard.Create(Chats, Chats, dueDate, 1, telegramUserId: target.TelegramUserIdOf);
        await host.Services.GetRequiredService<IBotStore>().ApplyImportAsync(plan, "bench", clock.GetUtcNow());
        await host.StartAsync();
        var reminders = host.Services.GetRequiredService<IReminderStore>();
        var pending = (await reminders.GetRemindersAsync(ReminderState.Pending)).Count;

        var dispatcher = host.Services.GetRequiredService<ReminderDispatcher>();
        using var safety = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        while (target.Accepted.Count < pending && !safety.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), safety.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        await dispatcher.WhenIdleAsync(safety.Token);
        var accepted = target.Accepted.OrderBy(a => a.At).ToList();
        var sent = (await reminders.GetRemindersAsync(ReminderState.Sent)).Count;
        await host.StopAsync();

        var first = accepted[0].At;
        var last = accepted[^1].At;
        var span = (last - first).TotalSeconds;
        var rate = span > 0 ? (accepted.Count - 1) / span : double.NaN;
        var distinct = accepted.Select(a => a.ChatId).Distinct().Count();
        return new()
        {
            ["target"] = target.Describe,
            ["reminders"] = pending.ToString(Inv),
            ["accepted"] = accepted.Count.ToString(Inv),
            ["marked_sent"] = sent.ToString(Inv),
            ["rate_per_s"] = rate.ToString("F2", Inv),
            ["rate_over_30"] = (rate / 30).ToString("F3", Inv),
            ["too_many_requests"] = target.TooManyRequests.ToString(Inv),
            ["lost"] = (pending - distinct).ToString(Inv),
            ["doubled"] = (accepted.Count - distinct).ToString(Inv),
            ["first_lateness_s"] = (first - due).TotalSeconds.ToString("F2", Inv),
            ["last_lateness_s"] = (last - due).TotalSeconds.ToString("F1", Inv),
        };
    }

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
}
