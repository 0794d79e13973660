using DoSon.Bot.Web.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace DoSon.Bot.Web.Pages.Tasks;

/// <summary>Nhiệm vụ: the tasks the member may see, filtered and sorted by the query string.</summary>
public sealed class IndexModel(WebTaskQueries queries) : MemberPageModel
{
    public TaskList List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var filter = TaskFilter.Parse(name => Request.Query[name].FirstOrDefault());
        List = await queries.ListAsync(Viewer, filter, cancellationToken);
        return Page();
    }
}
