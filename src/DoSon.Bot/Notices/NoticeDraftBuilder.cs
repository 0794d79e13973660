using System.Text.RegularExpressions;
using DoSon.Bot.Domain;
using DoSon.Bot.Import;

namespace DoSon.Bot.Notices;

/// <summary>A draft assignment file made from a notice, and what a person should know about it.</summary>
public sealed record NoticeDraft(ParsedNotice Notice, AssignmentFile File, NoticeReport Report);

/// <summary>Turns a parsed notice into a draft in the import format: guesses each task's deadline,
/// milestone and units from its text, and lists every guess a person should check.</summary>
public sealed partial class NoticeDraftBuilder(UnitAliasTable units, IReadOnlyDictionary<string, string> defaultLeadUnits)
{
    public const int TitleLength = 120;

    [GeneratedRegex(@"\bNgày\s+(?<name>\p{Lu}[^;:.()\d]{2,80}?)\s*[(:\-–]?\s*(?<date>\d{1,2}/\d{1,2}(?:/\d{4})?)", RegexOptions.CultureInvariant)]
    private static partial Regex NamedDayPattern();

    [GeneratedRegex(@"[.;:](?=\s|$)|\n", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseEnd();

    private sealed record FoundMilestone(string Code, string Name, DateOnly Date, bool Known, string[] Keys, int? Quarter);

    public NoticeDraft Build(ParsedNotice notice)
    {
        var attention = notice.Warnings.Select(w => new AttentionItem(null, AttentionKind.Document, w)).ToList();
        var monthStart = new DateOnly(notice.Year, notice.Month, 1);
        var monthEnd = monthStart.AddMonths(1).AddDays(-1);
        var milestones = FindMilestones(notice, monthStart, attention);

        var tasks = new List<TaskDto>();
        var leadByDefault = new HashSet<string>();
        var mentioned = new Dictionary<string, string[]>();
        foreach (var item in notice.Items)
        {
            var code = notice.TaskCode(item);
            var notes = new List<string>();
            var task = new TaskDto
            {
                Code = code,
                Title = ShortTitle(item.Text),
                Description = item.Text,
                Section = item.Section,
                Assignees = [],
            };

            var ignored = new List<FoundDeadline>();
            var deadlines = DeadlineFinder.Find(item.Text, notice.Year, notice.Month, ignored);
            foreach (var past in ignored.DistinctBy(p => (p.Text, p.Date)))
            {
                Attend(code, AttentionKind.PastDate, NoticeTexts.PastDateIgnored(past.Text, past.Date, notice.Month, notice.Year), notes, attention, WardClock.Format(past.Date));
            }

            var written = deadlines.Where(d => d.Kind == DeadlineKind.Date).ToList();
            var tier = written.Count > 0 ? written : deadlines.ToList();
            var distinct = tier.Select(d => d.Date).Distinct().Order().ToList();
            var tied = TiedMilestones(item.Text, deadlines, milestones);
            DateOnly due;
            if (distinct.Count == 0)
            {
                due = monthEnd;
                Attend(code, AttentionKind.NoDate, NoticeTexts.NoDateFound(monthEnd), notes, attention, WardClock.Format(monthEnd));
                if (tied.FirstOrDefault(m => m.Date < monthEnd) is { } earlier)
                {
                    notes.Add(NoticeTexts.MaybeDueAtMilestone(earlier.Code, earlier.Date));
                }
            }
            else
            {
                due = distinct[^1];
                if (distinct.Count > 1)
                {
                    Attend(code, AttentionKind.AmbiguousDate, NoticeTexts.SeveralDates(distinct, due), notes, attention, WardClock.Format(due));
                }
            }

            task.Due = WardClock.Format(due);
            mentioned[code] = [.. tied.Select(m => m.Code)];
            if (tied.Count > 0)
            {
                var chosen = tied.FirstOrDefault(m => m.Date == due) ?? tied[0];
                task.Milestone = chosen.Code;
                var others = tied.Where(m => m != chosen).ToList();
                if (others.Count > 0)
                {
                    notes.Add(NoticeTexts.AlsoMentions(others.Select(m => (m.Code, m.Date))));
                }
            }

            var mentions = units.Find(item.Text);
            if (mentions.Count > 0)
            {
                task.LeadUnit = mentions[0].Code;
                task.SupportUnits = [.. mentions.Skip(1).Select(m => m.Code)];
            }
            else
            {
                task.SupportUnits = [];
                task.LeadUnit = DefaultLead(item.Section);
                if (task.LeadUnit is null)
                {
                    Attend(code, AttentionKind.NoUnit, NoticeTexts.NoUnitNoDefault(item.Section), notes, attention, null);
                }
                else
                {
                    leadByDefault.Add(code);
                    Attend(code, AttentionKind.NoUnit, NoticeTexts.NoUnitFound(task.LeadUnit, item.Section), notes, attention, task.LeadUnit);
                }
            }

            task.Note = notes.Count == 0 ? null : string.Join(" | ", notes);
            tasks.Add(task);
        }

        var unitCodes = tasks
            .SelectMany(t => (t.LeadUnit is null ? Array.Empty<string>() : [t.LeadUnit]).Concat(t.SupportUnits ?? []))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(units.OrderOf)
            .ThenBy(c => c, StringComparer.Ordinal)
            .ToList();

        var usedMilestones = milestones.OrderBy(m => m.Date).ThenBy(m => m.Code, StringComparer.Ordinal).ToList();
        var file = new AssignmentFile
        {
            Source = new SourceDto
            {
                Number = notice.Header.Number,
                Date = notice.Header.Date is { } d ? WardClock.Format(d) : null,
                Title = notice.Header.Title.Length > 0 ? notice.Header.Title : NoticeTexts.FallbackTitle(notice.Month, notice.Year),
            },
            Units = [.. unitCodes.Select(c => new UnitDto { Code = c, Name = units.NameOf(c) })],
            Members = [],
            Milestones = [.. usedMilestones.Select(m => new MilestoneDto { Code = m.Code, Name = m.Name, Date = WardClock.Format(m.Date) })],
            Tasks = tasks,
        };

        var report = new NoticeReport(
            notice.FileName,
            notice.Header,
            notice.Year,
            notice.Month,
            [.. notice.Sections.Select(s => new SectionSummary(s.Number, s.Title, [.. s.Items.Select(notice.TaskCode)]))],
            [.. usedMilestones.Select(m => new MilestoneSummary(m.Code, m.Name, m.Date, m.Known,
                [.. tasks.Where(t => t.Milestone == m.Code).Select(t => t.Code!)],
                [.. tasks.Where(t => t.Milestone != m.Code && mentioned[t.Code!].Contains(m.Code)).Select(t => t.Code!)]))],
            [.. unitCodes.Select(c => new UnitSummary(c, units.NameOf(c),
                tasks.Count(t => c.Equals(t.LeadUnit, StringComparison.OrdinalIgnoreCase)),
                tasks.Count(t => c.Equals(t.LeadUnit, StringComparison.OrdinalIgnoreCase) && leadByDefault.Contains(t.Code!)),
                tasks.Count(t => t.SupportUnits!.Contains(c, StringComparer.OrdinalIgnoreCase))))],
            attention,
            notice.Results.Count,
            notice.Closing.Count);

        return new NoticeDraft(notice, file, report);
    }

    private static void Attend(string code, AttentionKind kind, string message, List<string> notes, List<AttentionItem> attention, string? detail)
    {
        notes.Add(message);
        attention.Add(new AttentionItem(code, kind, message, detail));
    }

    /// <summary>The first clause of the text, cut at a word so that it stays within about
    /// <see cref="TitleLength"/> characters.</summary>
    public static string ShortTitle(string text)
    {
        var end = ClauseEnd().Match(text);
        var clause = (end.Success ? text[..end.Index] : text).Trim().TrimEnd(',', ' ');
        if (clause.Length <= TitleLength)
        {
            return clause;
        }

        var cut = clause.LastIndexOf(' ', TitleLength - 1);
        if (cut < TitleLength / 3)
        {
            cut = TitleLength - 1;
        }

        return clause[..cut].TrimEnd(',', ' ', '-') + "…";
    }

    /// <summary>The lead unit the settings give a section: the longest section number that the
    /// section starts with (2.2.5 before 2.2 before 2).</summary>
    private string? DefaultLead(string section)
    {
        string? best = null;
        var bestLength = -1;
        foreach (var (key, unit) in defaultLeadUnits)
        {
            var k = key.Trim().TrimEnd('.');
            if ((section == k || section.StartsWith(k + ".", StringComparison.Ordinal)) && k.Length > bestLength && !string.IsNullOrWhiteSpace(unit))
            {
                best = unit.Trim();
                bestLength = k.Length;
            }
        }

        return best;
    }

    private static List<FoundMilestone> FindMilestones(ParsedNotice notice, DateOnly monthStart, List<AttentionItem> attention)
    {
        var found = new List<FoundMilestone>();

        void Add(FoundMilestone m, string taskCode)
        {
            if (m.Date < monthStart)
            {
                return;
            }

            if (found.FirstOrDefault(f => f.Code == m.Code) is { } existing)
            {
                if (existing.Date != m.Date)
                {
                    attention.Add(new AttentionItem(taskCode, AttentionKind.AmbiguousDate,
                        NoticeTexts.MilestoneTwoDates(existing.Code, existing.Date, m.Date)));
                }

                return;
            }

            found.Add(m);
        }

        foreach (var item in notice.Items)
        {
            var taskCode = notice.TaskCode(item);
            var text = item.Text;
            var key = VietnameseText.MatchKey(text);
            var dates = DeadlineFinder.DatesIn(text, notice.Year, notice.Month).ToList();

            var knownSpans = new List<(int Start, int End)>();
            foreach (var ev in KnownEvents.All)
            {
                foreach (var keyword in ev.Keywords)
                {
                    foreach (var (start, end) in Occurrences(key, VietnameseText.MatchKey(keyword)))
                    {
                        knownSpans.Add((start, end));
                        if (DateRightAfter(text, end, dates) is { } date)
                        {
                            Add(new FoundMilestone(ev.Code, ev.Name, date, true, [.. ev.Keywords.Select(VietnameseText.MatchKey)], null), taskCode);
                        }
                    }
                }
            }

            foreach (Match m in NamedDayPattern().Matches(text))
            {
                var nameGroup = m.Groups["name"];
                if (knownSpans.Any(s => s.Start < nameGroup.Index + nameGroup.Length && s.End > nameGroup.Index))
                {
                    continue;
                }

                var dateGroup = m.Groups["date"];
                var date = dates.FirstOrDefault(d => d.Position == dateGroup.Index);
                if (date == default)
                {
                    continue;
                }

                var name = "Ngày " + nameGroup.Value.Trim().TrimEnd(',', ' ', '-');
                var code = KnownEvents.DeriveCode(name);
                while (KnownEvents.ByCode(code) is not null || found.Any(f => f.Code == code && f.Name != name))
                {
                    code += "2";
                }

                Add(new FoundMilestone(code, name, date.Date, false, [VietnameseText.MatchKey(name)], null), taskCode);
            }

            foreach (var q in DeadlineFinder.Find(text, notice.Year, notice.Month).Where(d => d.Kind == DeadlineKind.QuarterEnd))
            {
                var roman = q.Quarter switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };
                Add(new FoundMilestone($"QUY{q.Quarter}", NoticeTexts.QuarterEndName(roman, q.Date.Year), q.Date, true, [], q.Quarter), taskCode);
            }
        }

        return found;
    }

    /// <summary>The milestones a task mentions, in the order it mentions them: by a keyword
    /// ("bầu cử" with or without the date), by the name of a day found elsewhere, or by "quý I".</summary>
    private static List<FoundMilestone> TiedMilestones(string text, IReadOnlyList<FoundDeadline> deadlines, List<FoundMilestone> milestones)
    {
        var key = VietnameseText.MatchKey(text);
        var tied = new List<(int Position, FoundMilestone Milestone)>();
        foreach (var m in milestones)
        {
            var first = int.MaxValue;
            foreach (var k in m.Keys)
            {
                if (Occurrences(key, k).FirstOrDefault() is var (start, end) && end > 0)
                {
                    first = Math.Min(first, start);
                }
            }

            if (m.Quarter is { } q && deadlines.FirstOrDefault(d => d.Kind == DeadlineKind.QuarterEnd && d.Quarter == q && d.Date == m.Date) is { } qd)
            {
                first = Math.Min(first, qd.Position);
            }

            if (first != int.MaxValue)
            {
                tied.Add((first, m));
            }
        }

        return [.. tied.OrderBy(t => t.Position).Select(t => t.Milestone)];
    }

    private static IEnumerable<(int Start, int End)> Occurrences(string key, string word)
    {
        if (word.Length == 0)
        {
            yield break;
        }

        for (var at = key.IndexOf(word, StringComparison.Ordinal); at >= 0; at = key.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if ((at == 0 || !VietnameseText.IsWordChar(key[at - 1])) && (end == key.Length || !VietnameseText.IsWordChar(key[end])))
            {
                yield return (at, end);
            }
        }
    }

    /// <summary>The date written just after a day's name, in the same clause: "Ngày Quốc tế Phụ nữ
    /// (08/03)", "ngày toàn quốc đi bầu cử 15/03/2026".</summary>
    private static DateOnly? DateRightAfter(string text, int end, List<(DateOnly Date, int Position, int Length)> dates)
    {
        foreach (var d in dates.Where(d => d.Position >= end && d.Position - end <= 60).OrderBy(d => d.Position))
        {
            var between = text[end..d.Position];
            if (between.Any(c => c is ';' or '.' or ':' or '\n' || char.IsDigit(c)))
            {
                return null;
            }

            return d.Date;
        }

        return null;
    }
}
