using System.Text;
using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;
using DoSon.Bot.Storage;

namespace DoSon.Bot.Commands.Handlers;

/// <summary>The milestones still ahead and those passed within <see cref="RecentDays"/> days;
/// "/moc tatca" every one of them.</summary>
public sealed class MocHandler(IBotStore store, TaskQueries queries) : ICommandHandler
{
    public const int RecentDays = 7;

    public string Name => "moc";
    public string Usage => ViewTexts.MilestoneUsage;
    public string Description => ViewTexts.MilestoneDescription;
    public MemberRole MinimumRole => MemberRole.Member;

    public async ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        // "tatca", "tất cả", "tat_ca": the same word with or without diacritics and spaces.
        var all = context.Words.Count > 0 && CommandRouter.NormalizeName(string.Concat(context.Words)) == "tatca";
        if (context.Words.Count > 0 && !all)
        {
            return Reply.Say(CommandTexts.Usage(Usage));
        }

        var milestones = (await store.GetMilestonesAsync(cancellationToken)).OrderBy(m => m.Date).ThenBy(m => m.Code, StringComparer.Ordinal).ToList();
        if (milestones.Count == 0)
        {
            return Reply.Say(CommandTexts.NoMilestones);
        }

        var today = queries.Today;
        var shown = all ? milestones : milestones.Where(m => DueText.DaysLeft(m.Date, today) >= -RecentDays).ToList();
        var older = milestones.Count - shown.Count;
        if (shown.Count == 0)
        {
            return Reply.Say(ViewTexts.NoRecentMilestones + "\n" + ViewTexts.OlderMilestones(older));
        }

        var sb = new StringBuilder(all ? ViewTexts.AllMilestonesHeading : ViewTexts.MilestonesHeading);
        foreach (var m in shown)
        {
            var tied = await store.GetTasksOfMilestoneAsync(m.Code, cancellationToken);
            sb.Append($"\n• {WardClock.Format(m.Date)} — {m.Name} ({ViewTexts.MilestoneWhen(DueText.DaysLeft(m.Date, today))})");
            if (tied.Count > 0)
            {
                sb.Append(ViewTexts.MilestoneTied(tied.Count, tied.Count(t => t.IsDone)));
            }
        }

        if (older > 0)
        {
            sb.Append('\n').Append(ViewTexts.OlderMilestones(older));
        }

        return Reply.Say(sb.ToString());
    }
}
