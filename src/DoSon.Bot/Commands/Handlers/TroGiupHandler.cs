using System.Text;
using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;

namespace DoSon.Bot.Commands.Handlers;

public sealed class TroGiupHandler(IServiceProvider services) : ICommandHandler
{
    public string Name => "trogiup";
    public string Usage => "/trogiup";
    public string Description => "Danh sách lệnh và cách dùng";
    public MemberRole MinimumRole => MemberRole.Member;

    public ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        // The router is resolved late: it is built from all handlers, this one included.
        var router = (CommandRouter)services.GetService(typeof(CommandRouter))!;
        var sb = new StringBuilder();
        sb.Append($"Xin chào {MemberName.Address(context.Caller)}. Các lệnh đồng chí dùng được:");
        foreach (var handler in router.AvailableTo(context.Caller.Role))
        {
            sb.Append("\n• ").Append(handler.Usage).Append(" — ").Append(handler.Description);
        }

        sb.Append("\nMã nhiệm vụ xem bằng /nhiemvu; ngày viết dạng dd/MM/yyyy.");
        return ValueTask.FromResult(Reply.Say(sb.ToString()));
    }
}
