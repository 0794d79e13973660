namespace DoSon.Bot.Web;

/// <summary>One entry of the console's menu.</summary>
public sealed record NavItem(string Path, string Title);

/// <summary>The console's pages in menu order: a new page adds its line here and its .cshtml under Web/Pages.</summary>
public static class WebNavigation
{
    public static IReadOnlyList<NavItem> Items { get; } =
    [
        new("/", WebTexts.Dashboard),
        new("/nhiem-vu", WebTexts.TasksPage),
        new("/nhap-du-lieu", WebTexts.ImportPage),
        new("/thanh-vien", WebTexts.MembersPage),
        new("/nhac-viec", WebTexts.RemindersPage),
        new("/bao-cao", WebTexts.ReportPage),
        new("/lich", WebTexts.CalendarPage),
    ];
}
