using System.Globalization;
using System.Text.RegularExpressions;
using DoSon.Bot.Domain;
using DoSon.Bot.Storage;

namespace DoSon.Bot.Import;

/// <summary>What the database holds, read once before planning, so that the checks and the plan
/// see the same content.</summary>
public sealed record StoreSnapshot(
    IReadOnlyList<Unit> Units,
    IReadOnlyList<Member> Members,
    IReadOnlyList<Milestone> Milestones,
    IReadOnlyList<WorkTask> Tasks,
    IReadOnlyList<SourceNotice> Sources)
{
    public static StoreSnapshot Empty { get; } = new([], [], [], [], []);

    public static async Task<StoreSnapshot> OfAsync(IBotStore store) =>
        new(await store.GetUnitsAsync(), await store.GetMembersAsync(), await store.GetMilestonesAsync(),
            [.. await store.GetTasksAsync(), .. await store.GetTasksWithStatusAsync(WorkTaskStatus.Withdrawn)], await store.GetSourcesAsync());
}

/// <summary>A checked file in domain terms: codes trimmed and spelt as the database spells them,
/// dates parsed. Members carry only the chat accounts the file names (null: not given); tasks are
/// new ones (not started, 0 %) until the planner merges them with the database.</summary>
public sealed record AssignmentSet(
    SourceNotice? Source,
    IReadOnlyList<Unit> Units,
    IReadOnlyList<Member> Members,
    IReadOnlyList<Milestone> Milestones,
    IReadOnlyList<WorkTask> Tasks);

/// <summary>Checks a whole file and reports every problem, not only the first: the office fixes
/// them all in one go.</summary>
internal sealed partial class AssignmentValidator
{
    private readonly StoreSnapshot _current;
    private readonly IFileLayout _layout;
    private readonly List<ImportError> _errors;
    private readonly Dictionary<string, string> _units = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _members = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _milestones = new(StringComparer.OrdinalIgnoreCase);

    // Fields refused for their characters or length: no other check reports them, so that a huge
    // or garbled value is named once and never echoed in a message.
    private readonly HashSet<(FileSection Section, int Item, string Field)> _refused = [];

    private AssignmentValidator(StoreSnapshot current, IFileLayout layout, List<ImportError> errors)
    {
        _current = current;
        _layout = layout;
        _errors = errors;
    }

    public static AssignmentSet Validate(AssignmentFile file, StoreSnapshot current, IFileLayout layout, List<ImportError> errors) =>
        new AssignmentValidator(current, layout, errors).Run(file);

    private AssignmentSet Run(AssignmentFile file)
    {
        var units = file.Units ?? [];
        var members = file.Members ?? [];
        var milestones = file.Milestones ?? [];
        var tasks = file.Tasks ?? [];

        CheckTexts(file.Source, units, members, milestones, tasks);

        // Codes first: a reference may point at an item declared further down the file.
        Declare(FileSection.Units, units.Select(u => u.Code).ToList(), _current.Units.Select(u => u.Code), _units);
        Declare(FileSection.Members, members.Select(m => m.Code).ToList(), _current.Members.Select(m => m.Code), _members);
        Declare(FileSection.Milestones, milestones.Select(m => m.Code).ToList(), _current.Milestones.Select(m => m.Code), _milestones);
        Declare(FileSection.Tasks, tasks.Select(t => t.Code).ToList(), _current.Tasks.Select(t => t.Code), null);

        var source = Source(file.Source);
        var set = new AssignmentSet(
            source,
            [.. units.Select(Unit)],
            [.. members.Select(Member)],
            [.. milestones.Select(Milestone)],
            [.. tasks.Select((t, i) => Task(t, i, source))]);
        CheckChatAccounts(members, set.Members);
        return set;
    }

    /// <summary>Checks each code (present, no spaces, not twice) and records the spelling to use:
    /// the database's when it already has the code, so that "ubnd" in a file means UBND.</summary>
    private void Declare(FileSection section, List<string?> codes, IEnumerable<string> existing, Dictionary<string, string>? canonical)
    {
        foreach (var code in existing)
        {
            canonical?.TryAdd(code, code);
        }

        var first = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < codes.Count; i++)
        {
            var code = codes[i]?.Trim();
            if (string.IsNullOrEmpty(code))
            {
                Error(section, i, "code", ImportTexts.Required);
                continue;
            }

            if (code.Any(char.IsWhiteSpace))
            {
                Error(section, i, "code", ImportTexts.CodeHasSpace(code));
                continue;
            }

            if (first.TryGetValue(code, out var earlier))
            {
                Error(section, i, "code", ImportTexts.DuplicateCode(code, _layout.Where(section, earlier)));
                continue;
            }

            first[code] = i;
            canonical?.TryAdd(code, code);
        }
    }

    private SourceNotice? Source(SourceDto? dto)
    {
        if (dto is null)
        {
            return null;
        }

        var number = Required(FileSection.Source, 0, "number", dto.Number);
        var title = Required(FileSection.Source, 0, "title", dto.Title);
        var date = Optional(dto.Date) is { } text ? Date(FileSection.Source, 0, "date", text) : null;
        return new SourceNotice(number ?? "", date, title ?? "");
    }

    private Unit Unit(UnitDto dto, int i) =>
        new(Canonical(_units, dto.Code), Required(FileSection.Units, i, "name", dto.Name) ?? "");

    private Milestone Milestone(MilestoneDto dto, int i)
    {
        var name = Required(FileSection.Milestones, i, "name", dto.Name);
        var date = Required(FileSection.Milestones, i, "date", dto.Date) is { } text ? Date(FileSection.Milestones, i, "date", text) : null;
        return new Milestone(Canonical(_milestones, dto.Code), name ?? "", date ?? default);
    }

    private Member Member(MemberDto dto, int i)
    {
        var name = Required(FileSection.Members, i, "name", dto.Name);
        var units = References(FileSection.Members, i, "units", dto.Units, _units, ImportTexts.UnknownUnit, FileSection.Units);
        MemberRole? role = null;
        if (Required(FileSection.Members, i, "role", dto.Role) is { } roleText)
        {
            role = ParseRole(roleText);
            if (role is null)
            {
                Error(FileSection.Members, i, "role", ImportTexts.BadRole(roleText));
            }
        }

        return new Member(
            Canonical(_members, dto.Code),
            name ?? "",
            Optional(dto.Title) ?? "",
            units,
            role ?? MemberRole.Member,
            dto.TelegramUserId,
            Optional(dto.ZaloUserId));
    }

    private WorkTask Task(TaskDto dto, int i, SourceNotice? source)
    {
        var title = Required(FileSection.Tasks, i, "title", dto.Title);
        var lead = Required(FileSection.Tasks, i, "leadUnit", dto.LeadUnit) is { } leadCode
            ? Reference(FileSection.Tasks, i, "leadUnit", leadCode, _units, ImportTexts.UnknownUnit, FileSection.Units)
            : null;
        var support = References(FileSection.Tasks, i, "supportUnits", dto.SupportUnits, _units, ImportTexts.UnknownUnit, FileSection.Units);
        var assignees = References(FileSection.Tasks, i, "assignees", dto.Assignees, _members, ImportTexts.UnknownMember, FileSection.Members);
        var milestone = Optional(dto.Milestone) is { } milestoneCode
            ? Reference(FileSection.Tasks, i, "milestone", milestoneCode, _milestones, ImportTexts.UnknownMilestone, FileSection.Milestones)
            : null;
        (DateOnly Date, TimeOnly? Time)? due = Required(FileSection.Tasks, i, "due", dto.Due) is { } dueText
            ? Deadline(FileSection.Tasks, i, "due", dueText)
            : null;

        var code = Optional(dto.Code) ?? "";
        var existing = _current.Tasks.FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.OrdinalIgnoreCase));
        return new WorkTask(
            existing?.Code ?? code,
            title ?? "",
            Optional(dto.Description),
            Optional(dto.Section),
            source?.Number,
            lead ?? "",
            support,
            assignees,
            due?.Date ?? default,
            due?.Time,
            milestone,
            WorkTaskStatus.NotStarted,
            0);
    }

    /// <summary>Every field, before any other check: no control characters (tab and line breaks
    /// only in long text), codes of plain letters, digits and . _ -, and a length limit for each.</summary>
    private void CheckTexts(SourceDto? source, List<UnitDto> units, List<MemberDto> members, List<MilestoneDto> milestones, List<TaskDto> tasks)
    {
        if (source is not null)
        {
            Short(FileSection.Source, 0, "number", source.Number, FieldLimits.SourceNumber);
            Short(FileSection.Source, 0, "date", source.Date, FieldLimits.Date);
            Short(FileSection.Source, 0, "title", source.Title, FieldLimits.SourceTitle);
        }

        for (var i = 0; i < units.Count; i++)
        {
            Code(FileSection.Units, i, "code", units[i].Code);
            Short(FileSection.Units, i, "name", units[i].Name, FieldLimits.Name);
        }

        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            Code(FileSection.Members, i, "code", m.Code);
            Short(FileSection.Members, i, "name", m.Name, FieldLimits.Name);
            Short(FileSection.Members, i, "title", m.Title, FieldLimits.Name);
            Codes(FileSection.Members, i, "units", m.Units);
            Short(FileSection.Members, i, "role", m.Role, FieldLimits.Short);
            Short(FileSection.Members, i, "zaloUserId", m.ZaloUserId, FieldLimits.Short);
        }

        for (var i = 0; i < milestones.Count; i++)
        {
            Code(FileSection.Milestones, i, "code", milestones[i].Code);
            Short(FileSection.Milestones, i, "name", milestones[i].Name, FieldLimits.Name);
            Short(FileSection.Milestones, i, "date", milestones[i].Date, FieldLimits.Date);
        }

        for (var i = 0; i < tasks.Count; i++)
        {
            var t = tasks[i];
            Code(FileSection.Tasks, i, "code", t.Code);
            Short(FileSection.Tasks, i, "title", t.Title, FieldLimits.TaskTitle);
            Text(FileSection.Tasks, i, "description", t.Description, FieldLimits.LongText, multiline: true);
            Short(FileSection.Tasks, i, "section", t.Section, FieldLimits.Short);
            Code(FileSection.Tasks, i, "leadUnit", t.LeadUnit);
            Codes(FileSection.Tasks, i, "supportUnits", t.SupportUnits);
            Codes(FileSection.Tasks, i, "assignees", t.Assignees);
            Short(FileSection.Tasks, i, "due", t.Due, FieldLimits.Date);
            Code(FileSection.Tasks, i, "milestone", t.Milestone);
            Text(FileSection.Tasks, i, "note", t.Note, FieldLimits.LongText, multiline: true);
        }
    }

    private void Short(FileSection section, int i, string field, string? value, int max) =>
        Text(section, i, field, value, max, multiline: false);

    /// <summary>False when the field was refused. Checked trimmed, as the value is used.</summary>
    private bool Text(FileSection section, int i, string field, string? value, int max, bool multiline)
    {
        if (value is null || _refused.Contains((section, i, field)))
        {
            return value is null;
        }

        var text = value.Trim();
        if (text.Length > max)
        {
            Refuse(section, i, field, ImportTexts.TooLong(text.Length, max));
            return false;
        }

        for (var k = 0; k < text.Length; k++)
        {
            var c = text[k];
            if (char.IsControl(c) && !(multiline && c is '\t' or '\n' or '\r'))
            {
                Refuse(section, i, field, ImportTexts.ControlCharacter(c, k + 1));
                return false;
            }
        }

        return true;
    }

    private void Codes(FileSection section, int i, string field, List<string>? codes)
    {
        foreach (var code in codes ?? [])
        {
            Code(section, i, field, code);
        }
    }

    /// <summary>A space in a code has its own message (CodeHasSpace) from the declaration check.</summary>
    private void Code(FileSection section, int i, string field, string? value)
    {
        if (value is null || !Text(section, i, field, value, FieldLimits.Code, multiline: false))
        {
            return;
        }

        var code = value.Trim();
        foreach (var c in code)
        {
            if (!char.IsWhiteSpace(c) && !IsCodeCharacter(c))
            {
                Refuse(section, i, field, ImportTexts.BadCodeCharacter(code, c));
                return;
            }
        }
    }

    private static bool IsCodeCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';

    private void Refuse(FileSection section, int i, string field, string message)
    {
        if (_refused.Add((section, i, field)))
        {
            _errors.Add(new ImportError(_layout.FileName, _layout.Where(section, i), _layout.Field(section, field), message)
            {
                Order = ((int)section, _layout.Position(section, i)),
            });
        }
    }

    /// <summary>A chat account belongs to one member at most: the store finds the member by it.
    /// An account the file leaves empty stays linked, so it counts as the database has it.</summary>
    private void CheckChatAccounts(List<MemberDto> dtos, IReadOnlyList<Member> members)
    {
        var inFile = new HashSet<string>(members.Select(m => m.Code), StringComparer.OrdinalIgnoreCase);
        var telegram = new Dictionary<long, string>();
        var zalo = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in _current.Members.Where(m => !inFile.Contains(m.Code)))
        {
            if (m.TelegramUserId is { } t)
            {
                telegram[t] = m.Code;
            }

            if (m.ZaloUserId is { } z)
            {
                zalo[z] = m.Code;
            }
        }

        // Accounts kept from the database first, so that a clash is reported at the member the file links.
        foreach (var m in members.Where(m => m.TelegramUserId is null))
        {
            if (_current.Members.FirstOrDefault(c => Same(c.Code, m.Code))?.TelegramUserId is { } kept)
            {
                telegram.TryAdd(kept, m.Code);
            }
        }

        foreach (var m in members.Where(m => m.ZaloUserId is null))
        {
            if (_current.Members.FirstOrDefault(c => Same(c.Code, m.Code))?.ZaloUserId is { } kept)
            {
                zalo.TryAdd(kept, m.Code);
            }
        }

        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            if (dtos[i].TelegramUserId is { } t)
            {
                if (t <= 0)
                {
                    Error(FileSection.Members, i, "telegramUserId", ImportTexts.MustBePositiveNumber);
                }
                else if (telegram.TryGetValue(t, out var owner) && !Same(owner, m.Code))
                {
                    Error(FileSection.Members, i, "telegramUserId", ImportTexts.TelegramTaken(t, owner));
                }
                else
                {
                    telegram[t] = m.Code;
                }
            }

            if (m.ZaloUserId is { } z)
            {
                if (zalo.TryGetValue(z, out var owner) && !Same(owner, m.Code))
                {
                    Error(FileSection.Members, i, "zaloUserId", ImportTexts.ZaloTaken(z, owner));
                }
                else
                {
                    zalo[z] = m.Code;
                }
            }
        }
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static MemberRole? ParseRole(string text) => WorkbookColumns.Normalize(text) switch
    {
        "admin" or "quan tri" => MemberRole.Admin,
        "leader" or "lanh dao" => MemberRole.Leader,
        "member" or "thanh vien" => MemberRole.Member,
        _ => null,
    };

    private static string Canonical(Dictionary<string, string> codes, string? code)
    {
        var trimmed = code?.Trim() ?? "";
        return codes.TryGetValue(trimmed, out var canonical) ? canonical : trimmed;
    }

    private string? Reference(
        FileSection section, int i, string field, string code, Dictionary<string, string> known,
        Func<string, string, string> unknown, FileSection declaredIn)
    {
        if (known.TryGetValue(code.Trim(), out var canonical))
        {
            return canonical;
        }

        Error(section, i, field, unknown(code.Trim(), _layout.SectionName(declaredIn)));
        return null;
    }

    private List<string> References(
        FileSection section, int i, string field, List<string>? codes, Dictionary<string, string> known,
        Func<string, string, string> unknown, FileSection declaredIn)
    {
        var result = new List<string>();
        foreach (var code in codes ?? [])
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                continue;
            }

            if (Reference(section, i, field, code, known, unknown, declaredIn) is { } canonical && !result.Contains(canonical))
            {
                result.Add(canonical);
            }
        }

        return result;
    }

    private string? Required(FileSection section, int i, string field, string? value)
    {
        var text = Optional(value);
        if (text is null)
        {
            Error(section, i, field, ImportTexts.Required);
        }

        return text;
    }

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private DateOnly? Date(FileSection section, int i, string field, string text)
    {
        var match = DatePattern().Match(text);
        if (!match.Success)
        {
            Error(section, i, field, ImportTexts.NotADate(text));
            return null;
        }

        return CalendarDate(section, i, field, match);
    }

    private (DateOnly Date, TimeOnly? Time)? Deadline(FileSection section, int i, string field, string text)
    {
        var match = DeadlinePattern().Match(text);
        if (!match.Success)
        {
            Error(section, i, field, ImportTexts.NotADeadline(text));
            return null;
        }

        if (CalendarDate(section, i, field, match) is not { } date)
        {
            return null;
        }

        if (!match.Groups["hour"].Success)
        {
            return (date, null);
        }

        var hour = Number(match, "hour");
        var minute = Number(match, "minute");
        if (hour > 23 || minute > 59)
        {
            Error(section, i, field, ImportTexts.NoSuchTime(text));
            return null;
        }

        return (date, new TimeOnly(hour, minute));
    }

    /// <summary>Tells a day that does not exist (31/02/2026) apart from a date written the wrong
    /// way, because the fix differs.</summary>
    private DateOnly? CalendarDate(FileSection section, int i, string field, Match match)
    {
        var day = Number(match, "day");
        var month = Number(match, "month");
        var year = Number(match, "year");
        var shown = $"{day:00}/{month:00}/{year}";
        if (month is < 1 or > 12)
        {
            Error(section, i, field, ImportTexts.NoSuchMonth(shown, month));
            return null;
        }

        if (year < 1)
        {
            Error(section, i, field, ImportTexts.NotADate(shown));
            return null;
        }

        var days = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > days)
        {
            Error(section, i, field, ImportTexts.NoSuchDay(shown, month, year, days));
            return null;
        }

        return new DateOnly(year, month, day);
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private void Error(FileSection section, int i, string field, string message)
    {
        if (!_refused.Contains((section, i, field)))
        {
            _errors.Add(new ImportError(_layout.FileName, _layout.Where(section, i), _layout.Field(section, field), message)
            {
                Order = ((int)section, _layout.Position(section, i)),
            });
        }
    }

    [GeneratedRegex(@"^(?<day>[0-9]{1,2})/(?<month>[0-9]{1,2})/(?<year>[0-9]{4})$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(?<day>[0-9]{1,2})/(?<month>[0-9]{1,2})/(?<year>[0-9]{4})(\s+(?<hour>[0-9]{1,2}):(?<minute>[0-9]{2}))?$")]
    private static partial Regex DeadlinePattern();
}

/// <summary>How long each field of an assignment file may be, in characters. A value beyond them is
/// a mistake (a whole document pasted into a cell) or an attack (one field of 52 MB once ended in
/// LiteDB's "Document size exceed").</summary>
internal static class FieldLimits
{
    public const int Code = 50;
    public const int Name = 200;
    public const int TaskTitle = 300;
    public const int LongText = 20_000;
    public const int SourceNumber = 100;
    public const int SourceTitle = 1_000;
    public const int Date = 30;
    public const int Short = 100;
}
