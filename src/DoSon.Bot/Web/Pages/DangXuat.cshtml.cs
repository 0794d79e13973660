using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DoSon.Bot.Web.Pages;

/// <summary>"Đăng xuất": a POST (with its antiforgery token) that ends the session.</summary>
public sealed class DangXuatModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect(WebSession.NeedSignInPath + "?da-dang-xuat=true");
    }
}
