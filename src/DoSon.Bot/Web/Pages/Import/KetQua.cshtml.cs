using DoSon.Bot.Web.Import;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DoSon.Bot.Web.Pages.Import;

/// <summary>The report of a confirmed import, as `import` prints it.</summary>
public sealed class KetQuaModel : ImportPageModel
{
    public ImportDone? Done { get; private set; }

    public IActionResult OnGet(string id)
    {
        if (RefusedAsNotAdmin())
        {
            return Page();
        }

        Done = Workspace.FindDone(id);
        if (Done is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
