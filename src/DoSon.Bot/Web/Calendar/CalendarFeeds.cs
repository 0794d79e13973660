using DoSon.Bot.Domain;
using DoSon.Bot.Storage;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Http;

namespace DoSon.Bot.Web.Calendar;

/// <summary>Each member's calendar feed: an .ics address with a secret token that phones' calendars
/// subscribe to without signing in. Only the token's SHA-256 is stored, as for sign-in links, so the
/// address is shown once, when it is made: storing the token encrypted would let the page show it
/// again, but would put a key beside the database and a way back to every address in it; a member who
/// lost the address makes a new one, which also ends the old one.</summary>
public sealed class CalendarFeeds(IWebLoginStore feeds, IBotStore store, WebLoginLinks links, TimeProvider time)
{
    public const string FeedRoute = "/lich/{token}.ics";

    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>A new address for the member; the one they had stops working.</summary>
    public async Task<string> CreateAsync(Member member, CancellationToken cancellationToken = default)
    {
        var token = WebLoginLinks.NewToken();
        await feeds.SetCalendarFeedAsync(member.Code, WebLoginLinks.Hash(token), time.GetUtcNow(), cancellationToken);
        return $"{links.PublicUrl}/lich/{token}.ics";
    }

    public Task<DateTimeOffset?> CreatedAsync(Member member, CancellationToken cancellationToken = default) =>
        feeds.CalendarFeedCreatedAsync(member.Code, cancellationToken);

    /// <summary>The feed for a token, or null when the token is not (or no longer) a member's.</summary>
    public async Task<string?> FeedAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token)
            || await feeds.FindCalendarFeedMemberAsync(WebLoginLinks.Hash(token), cancellationToken) is not { } code
            || await store.FindMemberAsync(code, cancellationToken) is not { } member)
        {
            return null;
        }

        return Render(await TasksOfAsync(member, cancellationToken), await store.GetMilestonesAsync(cancellationToken),
            await store.GetUnitsAsync(cancellationToken), links.PublicUrl, time.GetUtcNow());
    }

    /// <summary>A member's own open tasks, as /nhiemvu lists them; a leader's or an admin's, the ward's.</summary>
    public async Task<IReadOnlyList<WorkTask>> TasksOfAsync(Member member, CancellationToken cancellationToken = default)
    {
        if (member.Role >= MemberRole.Leader)
        {
            return [.. (await store.GetTasksAsync(cancellationToken)).Where(t => !t.IsDone)];
        }

        var involving = Commands.Handlers.TaskQueries.Merge(
            await store.GetTasksForAsync(member.Code, cancellationToken),
            await store.GetTasksLedByAsync(member.Units, cancellationToken));
        return [.. involving.Where(t => !t.IsDone && TaskScope.IsOwn(member, t))];
    }

    public static string Render(IEnumerable<WorkTask> tasks, IEnumerable<Milestone> milestones, IReadOnlyList<Unit> units, string publicUrl, DateTimeOffset now)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//DoSon.Bot//Lich nhiem vu//VI" };
        calendar.AddProperty("X-WR-CALNAME", WebTexts.CalendarName);
        calendar.AddProperty("X-WR-TIMEZONE", WardClock.ZoneId);
        // Deadlines with a time are written in the ward's zone, with its VTIMEZONE, so a phone set to
        // another zone still shows the right moment.
        calendar.AddTimeZone(new VTimeZone(WardClock.ZoneId));
        var stamp = new CalDateTime(now.UtcDateTime);
        var unitNames = units.ToDictionary(u => u.Code, u => u.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var task in tasks)
        {
            var link = $"{publicUrl}/nhiem-vu/{Uri.EscapeDataString(task.Code)}";
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"nhiem-vu-{task.Code}@doson.bot",
                DtStamp = stamp,
                // A deadline is a moment (or a day), not a span: no end, as RFC 5545 allows.
                DtStart = task.DueTime is { } at
                    ? new CalDateTime(task.Due.Year, task.Due.Month, task.Due.Day, at.Hour, at.Minute, 0, WardClock.ZoneId)
                    : new CalDateTime(task.Due.Year, task.Due.Month, task.Due.Day),
                Summary = WebTexts.CalendarEventTitle(task),
                Description = WebTexts.CalendarEventDescription(task, unitNames.GetValueOrDefault(task.LeadUnit, task.LeadUnit), link),
                Url = new Uri(link),
            });
        }

        foreach (var milestone in milestones)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"moc-{milestone.Code}@doson.bot",
                DtStamp = stamp,
                DtStart = new CalDateTime(milestone.Date.Year, milestone.Date.Month, milestone.Date.Day),
                Summary = WebTexts.CalendarMilestoneTitle(milestone),
            });
        }

        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    /// <summary>GET /lich/{token}.ics: no session (a phone's calendar cannot sign in); 404 for a token
    /// that is wrong or was renewed away, so a guess learns nothing.</summary>
    internal static async Task<IResult> ServeAsync(string token, CalendarFeeds feeds, HttpContext context, CancellationToken cancellationToken)
    {
        if (await feeds.FeedAsync(token, cancellationToken) is not { } ics)
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "no-store";
        return Results.Text(ics, ContentType);
    }
}
