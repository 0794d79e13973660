using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DoSon.Bot.Web.Pages;

/// <summary>Where every page sends a person without a session: how to get a sign-in link.</summary>
public sealed class CanDangNhapModel : PageModel
{
    [BindProperty(SupportsGet = true, Name = "da-dang-xuat")]
    public bool SignedOut { get; set; }

    public void OnGet()
    {
    }
}
