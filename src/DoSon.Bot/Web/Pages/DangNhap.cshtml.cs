using DoSon.Bot.Domain;
using DoSon.Bot.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace DoSon.Bot.Web.Pages;

/// <summary>The one-time link from /web. Opening it (GET) changes nothing, because chat apps open links
/// to draw their previews; the button (a POST with an antiforgery token) uses the link and opens the session.</summary>
[EnableRateLimiting(WebConsoleRegistration.SignInLimit)]
public sealed class DangNhapModel(WebLoginLinks links, WebQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    public string? Refusal { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await links.RedeemAsync(Token, cancellationToken);
        Refusal = outcome.Result switch
        {
            WebLoginRedemption.SignedIn => null,
            WebLoginRedemption.Expired => WebTexts.LinkExpired,
            WebLoginRedemption.AlreadyUsed => WebTexts.LinkUsed,
            _ => WebTexts.LinkUnknown,
        };
        Member? member = null;
        if (Refusal is null)
        {
            member = await queries.FindMemberAsync(outcome.MemberCode!, cancellationToken);
            Refusal = member is null ? WebTexts.MemberGone : null;
        }

        if (Refusal is not null || member is null)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, WebSession.Principal(member),
            new AuthenticationProperties { IsPersistent = false });
        return LocalRedirect("/");
    }
}
