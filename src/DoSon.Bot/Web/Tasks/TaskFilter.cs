using DoSon.Bot.Domain;
using DoSon.Bot.Notices;

namespace DoSon.Bot.Web.Tasks;

/// <summary>How the list is sorted.</summary>
public enum TaskSort
{
    Due,
    Code,
    Unit,
    Status,
    Percent,
}

/// <summary>The filters of the Nhiệm vụ list as read from the query string, already checked: a value
/// that does not parse is dropped and named in <see cref="Errors"/> (one sentence each), so a wrong
/// date never becomes an error page.</summary>
public sealed record TaskFilter(
    string? Unit,
    string? Status,
    string? Section,
    DateOnly? From,
    DateOnly? To,
    string? Milestone,
    string? Text,
    TaskSort Sort,
    bool Descending,
    IReadOnlyList<string> Errors)
{
    /// <summary>The query-string values of <see cref="Status"/>: the four statuses, "quá hạn" and "đã rút".</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> Statuses =
    [
        ("chua-bat-dau", StatusText.Of(WorkTaskStatus.NotStarted)),
        ("dang-thuc-hien", StatusText.Of(WorkTaskStatus.InProgress)),
        ("vuong-mac", StatusText.Of(WorkTaskStatus.Blocked)),
        ("hoan-thanh", StatusText.Of(WorkTaskStatus.Done)),
        ("qua-han", WebTexts.OverdueStatus),
        (WithdrawnValue, StatusText.Of(WorkTaskStatus.Withdrawn)),
    ];

    /// <summary>The one status that lists withdrawn tasks; every other choice, and none, leaves them out.</summary>
    public const string WithdrawnValue = "da-rut";

    public static readonly IReadOnlyList<(TaskSort Sort, string Value)> Sorts =
    [
        (TaskSort.Due, "han"), (TaskSort.Code, "ma"), (TaskSort.Unit, "donvi"), (TaskSort.Status, "trangthai"), (TaskSort.Percent, "tiendo"),
    ];

    public static TaskFilter Parse(Func<string, string?> query)
    {
        var errors = new List<string>();
        string? Text(string name) => string.IsNullOrWhiteSpace(query(name)) ? null : query(name)!.Trim();

        DateOnly? Date(string name, string label)
        {
            if (Text(name) is not { } text)
            {
                return null;
            }

            if (WardClock.TryParseDate(text, out var date))
            {
                return date;
            }

            errors.Add(WebTexts.BadDate(label, text));
            return null;
        }

        var status = Text("trangthai");
        if (status is not null && Statuses.All(s => s.Value != status))
        {
            errors.Add(WebTexts.BadStatus(status));
            status = null;
        }

        var from = Date("tu", WebTexts.DueFrom);
        var to = Date("den", WebTexts.DueTo);
        if (from is { } f && to is { } t && f > t)
        {
            errors.Add(WebTexts.FromAfterTo(f, t));
        }

        var sortText = Text("sap");
        var sort = Sorts.Where(s => s.Value == sortText).Select(s => s.Sort).FirstOrDefault(TaskSort.Due);
        return new(Text("donvi"), status, Text("muc"), from, to, Text("moc"), Text("q"), sort, Text("chieu") == "giam", errors);
    }

    /// <summary>Some filter is set (the page then shows the filters open).</summary>
    public bool Any => Unit is not null || Status is not null || Section is not null || From is not null || To is not null || Milestone is not null || Text is not null || Errors.Count > 0;

    public bool Matches(WorkTask task, DateOnly today)
    {
        if (Unit is not null && !task.InvolvesUnit(Unit))
        {
            return false;
        }

        if (Status is not null && !StatusMatches(task, today))
        {
            return false;
        }

        if (Section is not null && !string.Equals(task.Section, Section, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if ((From is { } from && task.Due < from) || (To is { } to && task.Due > to))
        {
            return false;
        }

        if (Milestone is not null && !string.Equals(task.Milestone, Milestone, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return Text is null || Fold(task.Code + "\n" + task.Title + "\n" + task.Description).Contains(Fold(Text), StringComparison.Ordinal);
    }

    public IEnumerable<WorkTask> Sorted(IEnumerable<WorkTask> tasks)
    {
        var ordered = Sort switch
        {
            TaskSort.Code => Order(tasks, t => t.Code, StringComparer.Ordinal),
            TaskSort.Unit => Order(tasks, t => t.LeadUnit, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.Due),
            TaskSort.Status => Order(tasks, t => t.Status, Comparer<WorkTaskStatus>.Default).ThenBy(t => t.Due),
            TaskSort.Percent => Order(tasks, t => t.Percent, Comparer<int>.Default).ThenBy(t => t.Due),
            _ => Order(tasks, t => t.Due, Comparer<DateOnly>.Default).ThenBy(t => t.DueTime ?? TimeOnly.MaxValue),
        };
        return ordered.ThenBy(t => t.Code, StringComparer.Ordinal);
    }

    /// <summary>The query string of this filter with another sort (the column headers' links): the
    /// same column again turns the order round.</summary>
    public string SortLink(TaskSort sort)
    {
        var descending = sort == Sort && !Descending;
        var pairs = new List<KeyValuePair<string, string?>>
        {
            new("donvi", Unit), new("trangthai", Status), new("muc", Section),
            new("tu", From is { } f ? WardClock.Format(f) : null), new("den", To is { } t ? WardClock.Format(t) : null),
            new("moc", Milestone), new("q", Text),
            new("sap", Sorts.First(s => s.Sort == sort).Value), new("chieu", descending ? "giam" : "tang"),
        };
        return Microsoft.AspNetCore.Http.QueryString.Create(pairs.Where(p => p.Value is not null)).ToUriComponent();
    }

    private IOrderedEnumerable<WorkTask> Order<TKey>(IEnumerable<WorkTask> tasks, Func<WorkTask, TKey> key, IComparer<TKey> comparer) =>
        Descending ? tasks.OrderByDescending(key, comparer) : tasks.OrderBy(key, comparer);

    private bool StatusMatches(WorkTask task, DateOnly today) => Status switch
    {
        "qua-han" => TaskScope.IsOverdue(task, today),
        "chua-bat-dau" => task.Status == WorkTaskStatus.NotStarted,
        "dang-thuc-hien" => task.Status == WorkTaskStatus.InProgress,
        "vuong-mac" => task.Status == WorkTaskStatus.Blocked,
        WithdrawnValue => task.IsWithdrawn,
        _ => task.Status == WorkTaskStatus.Done,
    };

    /// <summary>"Đất đai" and "dat dai" find each other: both sides lose their diacritics and case.</summary>
    private static string Fold(string text) => VietnameseText.WithoutDiacritics(text).ToLowerInvariant();
}
