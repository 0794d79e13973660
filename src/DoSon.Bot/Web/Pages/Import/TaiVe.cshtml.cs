using DoSon.Bot.Domain;
using DoSon.Bot.Import;
using DoSon.Bot.Storage;
using DoSon.Bot.Web.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace DoSon.Bot.Web.Pages.Import;

/// <summary>Downloads: the empty workbook the `template` verb writes and the database as the `export`
/// verb writes it (.xlsx, .json), under Vietnamese file names.</summary>
public sealed class TaiVeModel : ImportPageModel
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string JsonType = "application/json; charset=utf-8";

    public async Task<IActionResult> OnGetAsync(string file)
    {
        if (RefusedAsNotAdmin())
        {
            return Page();
        }

        var today = WardClock.Today(HttpContext.RequestServices.GetRequiredService<TimeProvider>());
        switch (file)
        {
            case "mau.xlsx":
                return File(await WorkbookAsync(new AssignmentFile()), XlsxType, WebTexts.TemplateFileName);
            case "du-lieu.xlsx":
                return File(await WorkbookAsync(await ExportAsync()), XlsxType, WebTexts.ExportFileName(today, ".xlsx"));
            case "du-lieu.json":
                return File(System.Text.Encoding.UTF8.GetBytes(AssignmentJson.Serialize(await ExportAsync()) + "\n"), JsonType, WebTexts.ExportFileName(today, ".json"));
            default:
                return NotFound();
        }
    }

    private Task<AssignmentFile> ExportAsync() =>
        AssignmentExporter.ExportAsync(HttpContext.RequestServices.GetRequiredService<IBotStore>());

    /// <summary>The workbook writer works on a file (it writes atomically beside the target): a folder
    /// of its own, removed afterwards.</summary>
    private static async Task<byte[]> WorkbookAsync(AssignmentFile content)
    {
        var folder = Path.Combine(Path.GetTempPath(), "doson-bot", "web-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, "tep.xlsx");
            AssignmentWorkbook.Write(content, path);
            return await System.IO.File.ReadAllBytesAsync(path);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
