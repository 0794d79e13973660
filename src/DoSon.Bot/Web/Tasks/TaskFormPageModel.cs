using DoSon.Bot.Domain;
using DoSon.Bot.Import;
using DoSon.Bot.Storage;
using Microsoft.AspNetCore.Mvc;

namespace DoSon.Bot.Web.Tasks;

/// <summary>What the create and edit pages share: admins only (others get 403 and one sentence),
/// the form's choices, and sending the form through the importer.</summary>
public abstract class TaskFormPageModel(IBotStore store, AssignmentImporter importer) : MemberPageModel
{
    [BindProperty]
    public TaskForm Form { get; set; } = new();

    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public IReadOnlyList<Member> Members { get; private set; } = [];
    public IReadOnlyList<Milestone> MilestoneChoices { get; private set; } = [];

    /// <summary>Each problem of the form, one sentence naming its field.</summary>
    public List<string> Errors { get; } = [];

    public bool Refused { get; private set; }

    protected IBotStore Store => store;

    protected async Task<bool> AllowedAsync(CancellationToken cancellationToken)
    {
        if (Viewer.Role != MemberRole.Admin)
        {
            Refused = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return false;
        }

        Units = await store.GetUnitsAsync(cancellationToken);
        Members = [.. (await store.GetMembersAsync(cancellationToken)).OrderBy(m => m.Code, StringComparer.Ordinal)];
        MilestoneChoices = [.. (await store.GetMilestonesAsync(cancellationToken)).OrderBy(m => m.Date)];
        return true;
    }

    /// <summary>Sends the form to the importer; on success goes to the task's page with the outcome.</summary>
    protected async Task<IActionResult> SaveAsync(CancellationToken cancellationToken)
    {
        var outcome = await importer.ImportAsync(Form.ToFile(), WebTexts.TaskFormFile, dryRun: false, byMember: Viewer.Code);
        if (!outcome.Succeeded)
        {
            Errors.AddRange(outcome.Errors.Select(e => WebTexts.FormError(e.Field, e.Message)));
            return Page();
        }

        cancellationToken.ThrowIfCancellationRequested();
        var change = outcome.Plan!.Tasks[0];
        TempData["Outcome"] = WebTexts.TaskSaved(change.Kind, change.Item.Code, change.ChangedFields);
        return Redirect(Pages.Tasks.DetailModel.TaskPath(change.Item.Code));
    }
}
