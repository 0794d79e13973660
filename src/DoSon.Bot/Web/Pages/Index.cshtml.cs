using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DoSon.Bot.Web.Pages;

/// <summary>Tổng quan: the counts /tongquan gives in chat, for what the signed-in member may see.</summary>
public sealed class IndexModel(WebQueries queries) : PageModel
{
    public Dashboard? Dashboard { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // A session whose member was removed since sees nothing: back to signing in.
        if (WebSession.MemberCode(User) is not { } code || await queries.FindMemberAsync(code, cancellationToken) is not { } member)
        {
            return LocalRedirect(WebSession.NeedSignInPath);
        }

        Dashboard = await queries.DashboardAsync(member, cancellationToken);
        return Page();
    }
}
