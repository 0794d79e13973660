using System.Globalization;
using DoSon.Bot.Domain;
using LiteDB;

namespace DoSon.Bot.Storage;

/// <summary>The indexed reads behind the commands. LiteDB compares strings by the file's collation,
/// case-insensitive by default, so an index seek finds at least every task the domain's ordinal,
/// case-ignoring rule finds; each result is then filtered by that rule itself (TaskScope), so both
/// agree exactly.</summary>
internal sealed partial class LiteDbBotStore
{
    /// <summary>The deadline of a task not done, and "done" (which sorts after every yyyy-MM-dd) for a
    /// task done: one index answers "open and due between" and "overdue" without reading done tasks.</summary>
    private const string OpenDueExpression = "IIF($.Status = 'Done', 'done', $.Due)";

    private bool _queryIndexesEnsured;

    /// <summary>Idempotent; run at every open of an existing file, so a file made by an older version
    /// gains them, and before the first query of a run that created its file.</summary>
    private void EnsureQueryIndexes()
    {
        _queryIndexesEnsured = true;
        Tasks.EnsureIndex("Assignees", "$.Assignees[*]");
        Tasks.EnsureIndex(t => t.LeadUnit);
        Tasks.EnsureIndex("SupportUnits", "$.SupportUnits[*]");
        Tasks.EnsureIndex(t => t.Status);
        Tasks.EnsureIndex(t => t.Milestone);
        Tasks.EnsureIndex("OpenDue", OpenDueExpression);
    }

    private bool CollationIgnoresCase => (_db.Collation.SortOptions & CompareOptions.IgnoreCase) != 0;

    private IReadOnlyList<WorkTask> GetTasksFor(string memberCode) =>
        FindTasks(BsonExpression.Create("$.Assignees[*] ANY = @0", new BsonValue(memberCode)), t => t.IsAssignedTo(memberCode));

    private IReadOnlyList<WorkTask> GetTasksLedBy(IReadOnlyCollection<string> unitCodes) =>
        unitCodes.Count == 0
            ? []
            : FindTasks(Query.In(nameof(TaskDoc.LeadUnit), Array(unitCodes)), t => unitCodes.Any(u => TaskScope.LedBy(t, u)));

    private IReadOnlyList<WorkTask> GetTasksSupportedBy(IReadOnlyCollection<string> unitCodes) =>
        unitCodes.Count == 0
            ? []
            : FindTasks(BsonExpression.Create("$.SupportUnits[*] ANY IN @0", Array(unitCodes)), t => unitCodes.Any(u => TaskScope.SupportedBy(t, u)));

    private IReadOnlyList<WorkTask> GetOpenTasksDueBetween(DateOnly from, DateOnly to) =>
        from > to
            ? []
            : FindTasks(Query.Between(OpenDueExpression, DocumentMapping.ToIso(from), DocumentMapping.ToIso(to)), t => !t.IsDone && t.Due >= from && t.Due <= to);

    private IReadOnlyList<WorkTask> GetOverdueTasks(DateOnly today) =>
        today == DateOnly.MinValue
            ? []
            : FindTasks(
                Query.Between(OpenDueExpression, DocumentMapping.ToIso(DateOnly.MinValue), DocumentMapping.ToIso(today.AddDays(-1))),
                t => TaskScope.IsOverdue(t, today));

    private IReadOnlyList<WorkTask> GetTasksOfMilestone(string milestoneCode) =>
        FindTasks(Query.EQ(nameof(TaskDoc.Milestone), milestoneCode), t => string.Equals(t.Milestone, milestoneCode, StringComparison.OrdinalIgnoreCase));

    private IReadOnlyList<WorkTask> GetTasksWithStatus(WorkTaskStatus status) =>
        FindTasks(Query.EQ(nameof(TaskDoc.Status), status.ToString()), t => t.Status == status, withdrawn: status == WorkTaskStatus.Withdrawn);

    /// <param name="withdrawn">Whether withdrawn tasks are what is asked for; every other query leaves them out.</param>
    private List<WorkTask> FindTasks(BsonExpression query, Func<WorkTask, bool> exactly, bool withdrawn = false)
    {
        lock (_gate)
        {
            if (!_queryIndexesEnsured)
            {
                EnsureQueryIndexes();
            }

            if (!CollationIgnoresCase)
            {
                // A file made with a case-sensitive collation: the index could miss "ubnd" for "UBND".
                return Tasks.FindAll().Select(d => d.ToDomain()).Where(t => t.IsWithdrawn == withdrawn).Where(exactly)
                    .OrderBy(t => t.Due).ThenBy(t => t.Code, StringComparer.Ordinal).ToList();
            }

            // An array index yields a task once per matching element: keep the first.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            return Tasks.Find(query)
                .Where(d => seen.Add(d.Code))
                .Select(d => d.ToDomain())
                .Where(t => t.IsWithdrawn == withdrawn)
                .Where(exactly)
                .OrderBy(t => t.Due).ThenBy(t => t.Code, StringComparer.Ordinal)
                .ToList();
        }
    }

    private static BsonArray Array(IEnumerable<string> values) => new(values.Distinct(StringComparer.OrdinalIgnoreCase).Select(v => new BsonValue(v)));

    private IReadOnlyList<TaskStanding> GetTaskStandings()
    {
        lock (_gate)
        {
            if (_standingsList is { } list)
            {
                return list;
            }

            _standings ??= Tasks.FindAll().Select(d => TaskStanding.Of(d.ToDomain())).ToDictionary(s => s.Code, StringComparer.Ordinal);
            return _standingsList = [.. _standings.Values.Where(s => s.Status != WorkTaskStatus.Withdrawn).OrderBy(s => s.Due).ThenBy(s => s.Code, StringComparer.Ordinal)];
        }
    }

    /// <summary>Brings the kept standings in line with a committed change of one task (under the lock).</summary>
    private void StandingChanged(WorkTask task)
    {
        if (_standings is not null)
        {
            _standings[task.Code] = TaskStanding.Of(task);
        }

        _standingsList = null;
    }

    /// <summary>After an import: read afresh on the next use (under the lock).</summary>
    private void StandingsStale()
    {
        _standings = null;
        _standingsList = null;
    }

    private Milestone? FindMilestone(string code)
    {
        lock (_gate)
        {
            var doc = Milestones.FindById(code);
            return doc is not null && doc.Code == code
                ? doc.ToDomain()
                : CollationIgnoresCase ? null : Milestones.FindAll().FirstOrDefault(m => m.Code == code)?.ToDomain();
        }
    }

    private IReadOnlyList<Unit> FindUnits(IReadOnlyCollection<string> codes)
    {
        lock (_gate)
        {
            if (!CollationIgnoresCase)
            {
                return [.. GetUnits().Where(u => codes.Contains(u.Code, StringComparer.OrdinalIgnoreCase))];
            }

            return [.. codes.Distinct(StringComparer.OrdinalIgnoreCase).Select(c => Units.FindById(c)).OfType<UnitDoc>()
                .DistinctBy(d => d.Code, StringComparer.Ordinal).Select(d => d.ToDomain())];
        }
    }

    private IReadOnlyList<Member> FindMembers(IReadOnlyCollection<string> codes)
    {
        lock (_gate)
        {
            return [.. codes.Distinct(StringComparer.OrdinalIgnoreCase).Select(FindMemberDoc).OfType<MemberDoc>()
                .DistinctBy(d => d.Code, StringComparer.Ordinal).Select(d => d.ToDomain())];
        }
    }
}
