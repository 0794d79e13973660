using DoSon.Bot.Import;
using DoSon.Bot.Storage;
using DoSon.Bot.Web.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace DoSon.Bot.Web.Pages.Tasks;

/// <summary>An admin creates a task.</summary>
public sealed class CreateModel(IBotStore store, AssignmentImporter importer) : TaskFormPageModel(store, importer)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await AllowedAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await AllowedAsync(cancellationToken))
        {
            return Page();
        }

        if (!string.IsNullOrWhiteSpace(Form.Code) && await Store.FindTaskAsync(Form.Code.Trim(), cancellationToken) is { } existing)
        {
            Errors.Add(WebTexts.CodeTaken(existing.Code));
            return Page();
        }

        return await SaveAsync(cancellationToken);
    }
}
