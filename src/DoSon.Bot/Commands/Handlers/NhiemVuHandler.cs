using DoSon.Bot.Domain;

namespace DoSon.Bot.Commands.Handlers;

public sealed class NhiemVuHandler(TaskQueries queries) : ICommandHandler
{
    public string Name => "nhiemvu";
    public string Usage => "/nhiemvu";
    public string Description => "Các nhiệm vụ đang mở của bạn, theo hạn";
    public MemberRole MinimumRole => MemberRole.Member;

    public ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var tasks = queries.OpenInScope(context.Caller);
        var text = tasks.Count == 0
            ? CommandTexts.NothingOpen
            : CommandTexts.TaskList($"Nhiệm vụ đang mở ({tasks.Count}):", tasks, queries.Today)
              + "\nXem chi tiết: /chitiet <mã>; báo tiến độ: /capnhat <mã> <phần trăm>.";
        return ValueTask.FromResult(Reply.Say(text));
    }
}
