using DoSon.Bot.Import;
using DoSon.Bot.Web.Import;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DoSon.Bot.Web.Pages.Import;

/// <summary>What an import would change (the importer's dry run), and "Xác nhận nhập" to run it for real:
/// the same importer, all or nothing, with a backup first. The content is the one kept on the server
/// (the draft store, or the uploaded file waiting in memory), never one posted again.</summary>
public sealed class XemTruocModel : ImportPageModel
{
    public const string DraftKind = "ban-nhap";
    public const string FileKind = "tep";

    public string Id { get; private set; } = "";

    public bool IsDraft { get; private set; }

    public ImportPreview? Preview { get; private set; }

    public IReadOnlyList<ChangeRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string kind, string id)
    {
        if (RefusedAsNotAdmin())
        {
            return Page();
        }

        await LoadAsync(kind, id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var kind = RouteValue("kind");
        var id = RouteValue("id");
        if (RefusedAsNotAdmin())
        {
            return Page();
        }

        var (_, stop) = await ReadFormAsync();
        if (stop is not null)
        {
            return stop;
        }

        var done = kind switch
        {
            DraftKind => await Workspace.ConfirmDraftAsync(id, Viewer),
            FileKind => await Workspace.ConfirmFileAsync(id, Viewer),
            _ => null,
        };
        if (done is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        return LocalRedirect($"/nhap-du-lieu/ket-qua/{done}");
    }

    private async Task LoadAsync(string kind, string id)
    {
        Id = id;
        IsDraft = kind == DraftKind;
        if (IsDraft && await Workspace.FindDraftAsync(id) is { } draft)
        {
            Preview = await Workspace.PreviewDraftAsync(draft, Viewer);
        }
        else if (kind == FileKind && Workspace.FindFile(id) is { } file)
        {
            Preview = await Workspace.PreviewFileAsync(file, Viewer);
        }

        if (Preview is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Rows = Preview.Outcome.Plan is { } plan ? PreviewRows.Of(plan, Preview.Before) : [];
    }
}
