using DoSon.Bot.Commands;
using DoSon.Bot.Commands.Handlers;
using DoSon.Bot.Domain;
using DoSon.Bot.Web.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DoSon.Bot.Web.Pages.Tasks;

/// <summary>One task: its full text, history and reminders, and the actions chat offers, through
/// <see cref="TaskActions"/> with channel "web" so that rights, history and re-planning are chat's.</summary>
public sealed class DetailModel(WebTaskQueries queries, TaskActions actions, TaskProgress progress) : MemberPageModel
{
    /// <summary>The channel the web console's changes are recorded under.</summary>
    public const string Channel = "web";

    public TaskDetail Detail { get; private set; } = null!;

    /// <summary>A form that could not be sent on (no percent, no text): what is wrong with which field.</summary>
    public string? Invalid { get; private set; }

    [TempData]
    public string? Outcome { get; set; }

    [TempData]
    public bool OutcomeBad { get; set; }

    /// <summary>The percent a finished task would be reopened at, once the member has been asked.</summary>
    [TempData]
    public int? ReopenPercent { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await queries.DetailAsync(Viewer, code, cancellationToken) is not { } detail)
        {
            return NotFound();
        }

        Detail = detail;
        return Page();
    }

    public Task<IActionResult> OnPostPercentAsync(string code, string? percent, bool reopen, CancellationToken cancellationToken) =>
        TaskQueries.TryPercent(percent ?? "", out var value)
            ? ApplyAsync(code, TaskActionRequest.SetPercent(value, reopen: reopen), cancellationToken)
            : RefuseAsync(code, WebTexts.BadPercent(percent), cancellationToken);

    public Task<IActionResult> OnPostDoneAsync(string code, CancellationToken cancellationToken) =>
        ApplyAsync(code, TaskActionRequest.Done(), cancellationToken);

    public Task<IActionResult> OnPostBlockerAsync(string code, string? text, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(text)
            ? RefuseAsync(code, WebTexts.BlockerTextNeeded, cancellationToken)
            : ApplyAsync(code, TaskActionRequest.Blocker(text.Trim()), cancellationToken);

    public Task<IActionResult> OnPostNoteAsync(string code, string? text, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(text)
            ? RefuseAsync(code, WebTexts.NoteTextNeeded, cancellationToken)
            : ApplyAsync(code, TaskActionRequest.Note(text.Trim()), cancellationToken);

    /// <summary>Withdraws the task (admins; others get 403): a reason and the confirmation are required.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(string code, string? reason, bool confirm, CancellationToken cancellationToken)
    {
        if (Viewer.Role != MemberRole.Admin)
        {
            var refused = await RefuseAsync(code, WebTexts.WithdrawAdminsOnly, cancellationToken);
            if (refused is PageResult)
            {
                Response.StatusCode = StatusCodes.Status403Forbidden;
            }

            return refused;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return await RefuseAsync(code, WebTexts.WithdrawReasonNeeded, cancellationToken, reason ?? "");
        }

        if (!confirm)
        {
            return await RefuseAsync(code, WebTexts.WithdrawConfirmNeeded, cancellationToken, reason ?? "");
        }

        if (await queries.DetailAsync(Viewer, code, cancellationToken) is not { } detail)
        {
            return NotFound();
        }

        var outcome = await progress.WithdrawAsync(Viewer, detail.Task.Code, reason, Channel);
        (Outcome, OutcomeBad) = outcome.Kind switch
        {
            ProgressOutcomeKind.Recorded => (WebTexts.Withdrawn(detail.Task.Code), false),
            ProgressOutcomeKind.Withdrawn => (CommandTexts.Withdrawn(detail.Task.Code, outcome.WithdrawnOn), true),
            _ => (CommandTexts.TaskNotFound(detail.Task.Code), true),
        };
        return Redirect(TaskPath(detail.Task.Code));
    }

    /// <summary>The reason typed so far, kept when the form is shown again.</summary>
    public string? WithdrawReason { get; private set; }

    private async Task<IActionResult> ApplyAsync(string code, TaskActionRequest request, CancellationToken cancellationToken)
    {
        if (await queries.DetailAsync(Viewer, code, cancellationToken) is not { } detail)
        {
            return NotFound();
        }

        var outcome = await actions.ApplyAsync(Viewer, detail.Task.Code, request, Channel, TaskActionOrigin.Command, cancellationToken);
        if (outcome.Result == TaskActionResult.NeedsConfirmation)
        {
            Outcome = WebTexts.ConfirmReopen(detail.Task, request.Percent);
            ReopenPercent = request.Percent;
        }
        else
        {
            Outcome = outcome.Text;
            OutcomeBad = outcome.Result is TaskActionResult.Refused or TaskActionResult.NotFound;
        }

        return Redirect(TaskPath(detail.Task.Code));
    }

    private async Task<IActionResult> RefuseAsync(string code, string sentence, CancellationToken cancellationToken, string? withdrawReason = null)
    {
        WithdrawReason = withdrawReason;
        if (await queries.DetailAsync(Viewer, code, cancellationToken) is not { } detail)
        {
            return NotFound();
        }

        Detail = detail;
        Outcome = null;
        Invalid = sentence;
        return Page();
    }

    public static string TaskPath(string code) => "/nhiem-vu/" + Uri.EscapeDataString(code);
}
