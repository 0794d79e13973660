using Microsoft.AspNetCore.Mvc;

namespace DoSon.Bot.Web.Pages;

/// <summary>Tổng quan: the counts /tongquan gives in chat, for what the signed-in member may see.</summary>
public sealed class IndexModel(WebQueries queries) : MemberPageModel
{
    public Dashboard? Dashboard { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Dashboard = await queries.DashboardAsync(Viewer, cancellationToken);
        return Page();
    }
}
