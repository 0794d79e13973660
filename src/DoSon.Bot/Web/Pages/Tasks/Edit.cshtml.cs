using DoSon.Bot.Import;
using DoSon.Bot.Storage;
using DoSon.Bot.Web.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace DoSon.Bot.Web.Pages.Tasks;

/// <summary>An admin edits a task; the code stays.</summary>
public sealed class EditModel(IBotStore store, AssignmentImporter importer) : TaskFormPageModel(store, importer)
{
    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!await AllowedAsync(cancellationToken))
        {
            return Page();
        }

        if (await Store.FindTaskAsync(code, cancellationToken) is not { } task)
        {
            return NotFound();
        }

        Form = TaskForm.Of(task);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!await AllowedAsync(cancellationToken))
        {
            return Page();
        }

        if (await Store.FindTaskAsync(code, cancellationToken) is not { } task)
        {
            return NotFound();
        }

        Form.Code = task.Code;
        return await SaveAsync(cancellationToken);
    }
}
