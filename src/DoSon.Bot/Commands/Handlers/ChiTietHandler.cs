using System.Text;
using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;
using DoSon.Bot.Storage;

namespace DoSon.Bot.Commands.Handlers;

public sealed class ChiTietHandler(IBotStore store, TaskQueries queries, ICurrentTaskStore currentTasks, TimeProvider time) : ICommandHandler
{
    private const int HistoryShown = 10;

    public string Name => "chitiet";
    public string Usage => "/chitiet <mã nhiệm vụ>";
    public string Description => "Chi tiết một nhiệm vụ và lịch sử cập nhật";
    public MemberRole MinimumRole => MemberRole.Member;

    public async ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Words.Count != 1)
        {
            return Reply.Say(CommandTexts.Usage(Usage));
        }

        var task = await store.FindTaskAsync(context.Words[0], cancellationToken);
        if (task is null || !AccessPolicy.CanSee(context.Caller, task))
        {
            return Reply.Say(CommandTexts.TaskNotFound(context.Words[0]));
        }

        var history = await store.GetHistoryAsync(task.Code, cancellationToken);
        var units = (await store.FindUnitsAsync([task.LeadUnit, .. task.SupportUnits], cancellationToken))
            .ToDictionary(u => u.Code, u => u.Name, StringComparer.OrdinalIgnoreCase);
        var members = (await store.FindMembersAsync([.. task.Assignees, .. history.TakeLast(HistoryShown).Select(h => h.MemberCode)], cancellationToken))
            .ToDictionary(m => m.Code, m => m, StringComparer.OrdinalIgnoreCase);
        string UnitName(string code) => units.TryGetValue(code, out var n) ? n : code;
        string MemberName(string code) => Domain.MemberName.Actor(code, members);

        var sb = new StringBuilder();
        sb.Append($"{task.Code} — {task.Title}");
        if (task.Section is not null)
        {
            sb.Append($"\nMục: {task.Section}");
        }

        sb.Append($"\nThời hạn: {DueText.Of(task, queries.Today)}");
        if (task.Milestone is not null && await store.FindMilestoneAsync(task.Milestone, cancellationToken) is { } milestone)
        {
            sb.Append($"\nGắn với mốc: {milestone.Name} ({WardClock.Format(milestone.Date)})");
        }

        sb.Append($"\nChủ trì: {UnitName(task.LeadUnit)}");
        if (task.SupportUnits.Count > 0)
        {
            sb.Append($"\nPhối hợp: {string.Join(", ", task.SupportUnits.Select(UnitName))}");
        }

        if (task.Assignees.Count > 0)
        {
            sb.Append($"\nPhụ trách: {string.Join(", ", task.Assignees.Select(MemberName))}");
        }

        sb.Append($"\nTrạng thái: {StatusText.Of(task.Status)} {task.Percent}%");
        if (!string.IsNullOrWhiteSpace(task.Description) && task.Description != task.Title)
        {
            sb.Append($"\nNội dung: {task.Description}");
        }

        if (history.Count > 0)
        {
            sb.Append("\nLịch sử:");
            foreach (var h in history.TakeLast(HistoryShown))
            {
                sb.Append($"\n  {WardClock.Format(h.At)} · {MemberName(h.MemberCode)} · {HistoryLine(h)}");
            }

            if (history.Count > HistoryShown)
            {
                sb.Append($"\n  (và {history.Count - HistoryShown} mục cũ hơn)");
            }
        }

        // The task shown is what the member's next short answer ("xong", "50") is about.
        await currentTasks.SetCurrentTasksAsync(new CurrentTasks(context.Caller.Code, [task.Code], time.GetUtcNow()), cancellationToken);
        return Reply.Say(sb.ToString());
    }

    /// <summary>What one entry did: old → new for every field it changed ("cập nhật hạn: 20/03/2026 →
    /// 25/03/2026"), then the note. Entries written before changes were kept read as they always did.</summary>
    public static string HistoryLine(ProgressReport h)
    {
        if (h.Changes is not { Count: > 0 } changes)
        {
            var old = CommandTexts.HistoryKind(h.Kind) + (h.Percent is { } p ? $" {p}%" : "");
            return h.Note is null ? old : $"{old}: {h.Note}";
        }

        var line = h.Kind is ProgressKind.Progress or ProgressKind.Imported
            ? $"cập nhật {ViewTexts.Changes(changes)}"
            : $"{CommandTexts.HistoryKind(h.Kind)} ({ViewTexts.Changes(changes)})";
        // An import's note only lists the fields that the changes already show.
        return h.Note is null || h.Kind == ProgressKind.Imported ? line
            : h.Kind == ProgressKind.Withdrawn ? $"{line} — lý do: {h.Note}"
            : $"{line} — ghi chú: {h.Note}";
    }
}
