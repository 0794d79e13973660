using DoSon.Bot.Domain;
using DoSon.Bot.Reminders;
using DoSon.Bot.Storage;

namespace DoSon.Bot.Web.Reminders;

/// <summary>The Nhắc việc page's filters as typed (dates dd/MM/yyyy in ward time), turned into the
/// store's query; a member's own code replaces whatever member they asked for.</summary>
public sealed record ReminderLogFilter(string? State, string? Member, string? Task, string? From, string? To, int Page)
{
    public const int PageSize = 100;

    /// <summary>The store's query, or the sentence saying which field could not be read.</summary>
    public (ReminderLogQuery? Query, string? Problem) ToQuery(Member viewer)
    {
        ReminderState? state = Enum.TryParse<ReminderState>(State, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null;
        DateTimeOffset? from = null, to = null;
        if (!string.IsNullOrWhiteSpace(From))
        {
            if (!WardClock.TryParseDate(From, out var day))
            {
                return (null, WebTexts.BadFilterDate(WebTexts.FilterFrom, From));
            }

            from = WardClock.ToInstant(day, TimeOnly.MinValue);
        }

        if (!string.IsNullOrWhiteSpace(To))
        {
            if (!WardClock.TryParseDate(To, out var day))
            {
                return (null, WebTexts.BadFilterDate(WebTexts.FilterTo, To));
            }

            // Up to the end of that day.
            to = WardClock.ToInstant(day.AddDays(1), TimeOnly.MinValue);
        }

        var member = viewer.Role == MemberRole.Member ? viewer.Code : Blank(Member);
        var page = Math.Max(1, Page);
        return (new ReminderLogQuery(state, member, Blank(Task), from, to, (page - 1) * PageSize, PageSize), null);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
