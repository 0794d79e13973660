using DoSon.Bot.Commands;
using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;
using DoSon.Bot.Storage;

namespace DoSon.Bot.Channels.Members;

/// <summary>/moi &lt;mã thành viên&gt;: the invite `members invite` makes, while the bot runs.</summary>
public sealed class MoiHandler(IBotStore store, MemberInvites invites) : ICommandHandler
{
    public string Name => "moi";
    public string Usage => MemberTexts.InviteUsage;
    public string Description => MemberTexts.InviteDescription;
    public MemberRole MinimumRole => MemberRole.Admin;

    public async ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Words.Count != 1)
        {
            return Reply.Say(CommandTexts.Usage(Usage));
        }

        if (await store.FindMemberAsync(context.Words[0], cancellationToken) is not { } member)
        {
            return Reply.Say(MemberTexts.UnknownMember(context.Words[0]));
        }

        return Reply.Say((await invites.InviteAsync(member, cancellationToken)).Text);
    }
}
