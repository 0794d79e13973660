using DoSon.Bot.Import;
using DoSon.Bot.Storage;
using DoSon.Bot.Web.Import;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DoSon.Bot.Web.Pages.Import;

/// <summary>A notice's draft as an editable table; saving checks it with the importer's own checks and
/// goes on to the preview.</summary>
public sealed class BanNhapModel : ImportPageModel
{
    public NoticeDraftRecord? Draft { get; private set; }

    public IReadOnlyList<DraftRow> Rows { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (RefusedAsNotAdmin())
        {
            return Page();
        }

        Draft = await Workspace.FindDraftAsync(id);
        if (Draft is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Rows = DraftTable.Rows(ImportWorkspace.DraftFile(Draft), Workspace.FlagsOf(id));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var id = RouteValue("id");
        if (RefusedAsNotAdmin())
        {
            return Page();
        }

        var (form, stop) = await ReadFormAsync();
        if (stop is not null)
        {
            return stop;
        }

        Draft = await Workspace.FindDraftAsync(id);
        if (Draft is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        var edited = ImportWorkspace.DraftFile(Draft);
        if (form is not null)
        {
            DraftTable.Apply(edited, name => form.TryGetValue(name, out var value) ? value.ToString() : null);
        }

        var errors = await Workspace.SaveDraftAsync(Draft, edited, Viewer);
        if (errors.Count == 0 && Problem is null)
        {
            return LocalRedirect($"/nhap-du-lieu/xem-truoc/ban-nhap/{id}");
        }

        Errors = [.. errors.Select(e => DraftTable.Describe(e, edited))];
        if (Problem is not null)
        {
            Errors = [Problem, .. Errors];
        }

        Rows = DraftTable.Rows(edited, Workspace.FlagsOf(id));
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
