using DoSon.Bot.Domain;
using DoSon.Bot.Storage;
using DoSon.Bot.Web.Reminders;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DoSon.Bot.Web.Pages.NhacViec;

/// <summary>Nhắc việc: the delivery log from the reminder store, newest first, filtered and paged.
/// Leaders and admins see the ward's; a member sees only the reminders sent to them.</summary>
public sealed class IndexModel(IReminderStore reminders, IBotStore store) : MemberPageModel
{
    [BindProperty(SupportsGet = true, Name = "trangthai")] public string? State { get; set; }
    [BindProperty(SupportsGet = true, Name = "nguoi")] public string? Member { get; set; }
    [BindProperty(SupportsGet = true, Name = "nhiemvu")] public string? Task { get; set; }
    [BindProperty(SupportsGet = true, Name = "tu")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "den")] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "trang")] public int PageNumber { get; set; } = 1;

    public ReminderLogPage? Log { get; private set; }
    public int Skip { get; private set; }
    public string? Problem { get; private set; }
    public IReadOnlyDictionary<string, Member> Members { get; private set; } = new Dictionary<string, Member>();
    public bool OwnOnly => Viewer.Role == MemberRole.Member;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (query, problem) = new ReminderLogFilter(State, Member, Task, From, To, PageNumber).ToQuery(Viewer);
        if (query is null)
        {
            Problem = problem;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Skip = query.Skip;
        Log = await reminders.GetReminderLogAsync(query, cancellationToken);
        Members = (await store.GetMembersAsync(cancellationToken)).ToDictionary(m => m.Code, StringComparer.OrdinalIgnoreCase);
        return Page();
    }

    /// <summary>This page of the log with another page number, the filters kept.</summary>
    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["trangthai"] = State,
        ["nguoi"] = OwnOnly ? null : Member,
        ["nhiemvu"] = Task,
        ["tu"] = From,
        ["den"] = To,
        ["trang"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}
