using DoSon.Bot.Web.Import;
using Microsoft.AspNetCore.Mvc;

namespace DoSon.Bot.Web.Pages.Import;

/// <summary>Nhập dữ liệu: upload a notice (it becomes a draft to correct) or an assignment file (it is
/// previewed), and the downloads.</summary>
public sealed class IndexModel : ImportPageModel
{
    public IActionResult OnGet()
    {
        RefusedAsNotAdmin();
        return Page();
    }

    public async Task<IActionResult> OnPostTaiLenAsync()
    {
        if (RefusedAsNotAdmin())
        {
            return Page();
        }

        var (form, stop) = await ReadFormAsync();
        if (stop is not null)
        {
            return stop;
        }

        if (form?.Files.GetFile("tep") is not { } file)
        {
            Problem ??= WebTexts.ImportNoFile;
            return Page();
        }

        var fileName = SafeName(file.FileName);
        if (fileName.Length == 0)
        {
            Problem = WebTexts.ImportNoFile;
            return Page();
        }

        byte[] content;
        using (var buffer = new MemoryStream())
        {
            await file.CopyToAsync(buffer, HttpContext.RequestAborted);
            content = buffer.ToArray();
        }

        var result = await Workspace.UploadAsync(Viewer, fileName, content);
        if (result.Refusal is not null)
        {
            Problem = result.Refusal;
            return Page();
        }

        return result.DraftId is not null
            ? LocalRedirect($"/nhap-du-lieu/ban-nhap/{result.DraftId}")
            : LocalRedirect($"/nhap-du-lieu/xem-truoc/tep/{result.FileId}");
    }

    /// <summary>The file's name as the browser sent it, without any folder part (old browsers send the
    /// whole path) and without characters a file name cannot hold.</summary>
    private static string SafeName(string name)
    {
        name = name.Trim().Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        foreach (var c in Path.GetInvalidFileNameChars())
        {
            name = name.Replace(c, '_');
        }

        return name.Length > 120 ? name[..(120 - Path.GetExtension(name).Length)] + Path.GetExtension(name) : name;
    }
}
