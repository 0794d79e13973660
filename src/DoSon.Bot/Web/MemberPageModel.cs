using DoSon.Bot.Domain;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace DoSon.Bot.Web;

/// <summary>A page of the console for a signed-in member: before any handler runs, the session's member
/// is read from the store (a member removed since, or a forged code, is sent back to signing in), so a
/// handler always has <see cref="Viewer"/> with the member's current role and units.</summary>
public abstract class MemberPageModel : PageModel
{
    public Member Viewer { get; private set; } = null!;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var queries = HttpContext.RequestServices.GetRequiredService<WebQueries>();
        if (WebSession.MemberCode(User) is not { } code || await queries.FindMemberAsync(code, HttpContext.RequestAborted) is not { } member)
        {
            context.Result = LocalRedirect(WebSession.NeedSignInPath);
            return;
        }

        Viewer = member;
        await next();
    }
}
