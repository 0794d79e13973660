using System.Text;
using DoSon.Bot.Domain;
using DoSon.Bot.Storage;

namespace DoSon.Bot.Commands.Handlers;

public sealed class MocHandler(IBotStore store, TaskQueries queries) : ICommandHandler
{
    public string Name => "moc";
    public string Usage => "/moc";
    public string Description => "Các mốc thời gian và số ngày còn lại";
    public MemberRole MinimumRole => MemberRole.Member;

    public ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var milestones = store.GetMilestones();
        if (milestones.Count == 0)
        {
            return ValueTask.FromResult(Reply.Say(CommandTexts.NoMilestones));
        }

        var today = queries.Today;
        var tasks = store.GetTasks();
        var sb = new StringBuilder("Các mốc thời gian:");
        foreach (var m in milestones)
        {
            var days = DueText.DaysLeft(m.Date, today);
            var when = days switch
            {
                0 => "hôm nay",
                > 0 => $"còn {days} ngày",
                _ => $"đã qua {-days} ngày",
            };
            var tied = tasks.Where(t => t.Milestone == m.Code).ToList();
            sb.Append($"\n• {WardClock.Format(m.Date)} — {m.Name} ({when})");
            if (tied.Count > 0)
            {
                sb.Append($"; {tied.Count} nhiệm vụ gắn với mốc, {tied.Count(t => t.IsDone)} đã xong");
            }
        }

        return ValueTask.FromResult(Reply.Say(sb.ToString()));
    }
}
