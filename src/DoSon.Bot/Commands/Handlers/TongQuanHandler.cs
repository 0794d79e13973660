using System.Text;
using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;
using DoSon.Bot.Storage;

namespace DoSon.Bot.Commands.Handlers;

public sealed class TongQuanHandler(IBotStore store, TaskQueries queries, IWardChart? chart = null) : ICommandHandler
{
    public string Name => "tongquan";
    public string Usage => "/tongquan";
    public string Description => "Tổng quan tiến độ toàn phường, theo đơn vị";
    public MemberRole MinimumRole => MemberRole.Leader;

    public async ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Words.Count > 0)
        {
            return Reply.Say(CommandTexts.Usage(Usage));
        }

        var today = queries.Today;
        // The counts come from the standings the store keeps; only the blocked tasks are read whole.
        var tasks = await store.GetTaskStandingsAsync(cancellationToken);
        var sb = new StringBuilder($"Tổng quan ngày {WardClock.Format(today)}: {tasks.Count} nhiệm vụ");
        sb.Append($"\n• Hoàn thành: {tasks.Count(t => t.IsDone)}");
        sb.Append($"\n• Đang thực hiện: {tasks.Count(t => t.Status == WorkTaskStatus.InProgress)}");
        sb.Append($"\n• Chưa bắt đầu: {tasks.Count(t => t.Status == WorkTaskStatus.NotStarted)}");
        sb.Append($"\n• Vướng mắc: {tasks.Count(t => t.Status == WorkTaskStatus.Blocked)}");
        sb.Append($"\n• Quá hạn: {tasks.Count(t => TaskScope.IsOverdue(t, today))}");
        if (tasks.Count > 0)
        {
            sb.Append($"\n• Tiến độ bình quân: {tasks.Average(t => t.Percent):0}%");
        }

        sb.Append('\n').Append(ViewTexts.OverviewByUnitHeading);
        var byUnit = TaskScope.CountByUnit(tasks, today);
        var bars = new List<UnitBar>();
        foreach (var unit in await store.GetUnitsAsync(cancellationToken))
        {
            if (byUnit.TryGetValue(unit.Code, out var led) && led.Led.Total > 0)
            {
                bars.Add(new UnitBar(unit.Code, unit.Name, led.Led));
            }

            if (!byUnit.TryGetValue(unit.Code, out var counts) || (counts.Led.Total == 0 && counts.Supported.Total == 0))
            {
                continue;
            }

            sb.Append('\n').Append(ViewTexts.OverviewUnitLine(unit.Code, counts.Led, counts.Supported));
        }

        var blocked = await store.GetTasksWithStatusAsync(WorkTaskStatus.Blocked, cancellationToken);
        if (blocked.Count > 0)
        {
            sb.Append('\n').Append(CommandTexts.TaskList("Cần tháo gỡ:", blocked, today));
        }

        var reply = Reply.Say(sb.ToString());
        return chart is null || bars.Count == 0
            ? reply
            : reply with { Picture = new ReplyPicture("tong-quan.png", chart.ByUnitPng(bars), ViewTexts.ChartCaption(today)) };
    }
}
