using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;

namespace DoSon.Bot.Commands.Handlers;

public sealed class QuaHanHandler(TaskQueries queries) : ICommandHandler
{
    public string Name => "quahan";
    public string Usage => "/quahan";
    public string Description => "Nhiệm vụ đã quá hạn trong phạm vi của đồng chí";
    public MemberRole MinimumRole => MemberRole.Member;

    public async ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var today = queries.Today;
        var tasks = await queries.OverdueInScopeAsync(context.Caller, today);
        var text = tasks.Count == 0
            ? CommandTexts.NothingOverdue
            : CommandTexts.TaskList($"Quá hạn ({tasks.Count}):", tasks, today);
        return Reply.Say(text);
    }
}
