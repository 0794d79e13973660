using System.Globalization;
using DoSon.Bot.Domain;

namespace DoSon.Bot.Storage;

internal static class DocumentMapping
{
    private const string IsoDate = "yyyy-MM-dd";
    private const string IsoTime = "HH:mm";

    public static string ToIso(DateOnly date) => date.ToString(IsoDate, CultureInfo.InvariantCulture);

    public static DateOnly FromIso(string text) => DateOnly.ParseExact(text, IsoDate, CultureInfo.InvariantCulture);

    /// <summary>LiteDB reads dates back in the machine's local zone unless told otherwise; a ward server
    /// set to +07:00 would otherwise shift every instant by seven hours.</summary>
    public static DateTime Utc(DateTime stored) => stored.Kind == DateTimeKind.Unspecified
        ? DateTime.SpecifyKind(stored, DateTimeKind.Utc)
        : stored.ToUniversalTime();

    public static Unit ToDomain(this UnitDoc d) => new(d.Code, d.Name);

    public static UnitDoc ToDoc(this Unit u) => new() { Code = u.Code, Name = u.Name };

    public static Member ToDomain(this MemberDoc d) => new(
        d.Code, d.Name, d.Title, d.Units, ParseRole(d.Role), d.TelegramUserId, d.ZaloUserId, d.Unreachable);

    public static MemberDoc ToDoc(this Member m) => new()
    {
        Code = m.Code,
        Name = m.Name,
        Title = m.Title,
        Units = [.. m.Units],
        Role = m.Role.ToString().ToLowerInvariant(),
        TelegramUserId = m.TelegramUserId,
        ZaloUserId = m.ZaloUserId,
        Unreachable = m.Unreachable,
    };

    public static MemberRole ParseRole(string role) =>
        Enum.TryParse<MemberRole>(role, ignoreCase: true, out var r) ? r : MemberRole.Member;

    public static Milestone ToDomain(this MilestoneDoc d) => new(d.Code, d.Name, FromIso(d.Date));

    public static MilestoneDoc ToDoc(this Milestone m) => new() { Code = m.Code, Name = m.Name, Date = ToIso(m.Date) };

    public static SourceNotice ToDomain(this SourceDoc d) =>
        new(d.Number, d.Date is null ? null : FromIso(d.Date), d.Title);

    public static SourceDoc ToDoc(this SourceNotice s) =>
        new() { Number = s.Number, Date = s.Date is { } d ? ToIso(d) : null, Title = s.Title };

    public static WorkTask ToDomain(this TaskDoc d) => new(
        d.Code, d.Title, d.Description, d.Section, d.Source, d.LeadUnit, d.SupportUnits, d.Assignees,
        FromIso(d.Due),
        d.DueTime is null ? null : TimeOnly.ParseExact(d.DueTime, IsoTime, CultureInfo.InvariantCulture),
        d.Milestone,
        Enum.Parse<WorkTaskStatus>(d.Status),
        d.Percent);

    public static TaskDoc ToDoc(this WorkTask t) => new()
    {
        Code = t.Code,
        Title = t.Title,
        Description = t.Description,
        Section = t.Section,
        Source = t.Source,
        LeadUnit = t.LeadUnit,
        SupportUnits = [.. t.SupportUnits],
        Assignees = [.. t.Assignees],
        Due = ToIso(t.Due),
        DueTime = t.DueTime?.ToString(IsoTime, CultureInfo.InvariantCulture),
        Milestone = t.Milestone,
        Status = t.Status.ToString(),
        Percent = t.Percent,
    };

    public static ProgressReport ToDomain(this HistoryDoc d) => new(
        d.TaskCode, d.MemberCode, new DateTimeOffset(Utc(d.At)),
        Enum.Parse<ProgressKind>(d.Kind), d.Percent, Enum.Parse<WorkTaskStatus>(d.Status), d.Note, d.Channel,
        d.Changes is null ? null : [.. d.Changes.Select(c => new FieldChange(c.Field, c.Old, c.New))]);

    public static HistoryDoc ToDoc(this ProgressReport r) => new()
    {
        TaskCode = r.TaskCode,
        MemberCode = r.MemberCode,
        At = r.At.UtcDateTime,
        Kind = r.Kind.ToString(),
        Percent = r.Percent,
        Status = r.Status.ToString(),
        Note = r.Note,
        Channel = r.Channel,
        Changes = r.Changes is null ? null : [.. r.Changes.Select(c => new FieldChangeDoc { Field = c.Field, Old = c.Old, New = c.New })],
    };
}
