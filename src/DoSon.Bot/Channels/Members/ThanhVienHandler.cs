using DoSon.Bot.Commands;
using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;
using DoSon.Bot.Storage;

namespace DoSon.Bot.Channels.Members;

/// <summary>/thanhvien: every member with their Telegram and Zalo link, those the bot cannot reach
/// and those never linked first; /thanhvien &lt;mã&gt;: one member.</summary>
public sealed class ThanhVienHandler(IBotStore store) : ICommandHandler
{
    public string Name => "thanhvien";
    public string Usage => MemberTexts.MembersUsage;
    public string Description => MemberTexts.MembersDescription;
    public MemberRole MinimumRole => MemberRole.Admin;

    public async ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var text = context.Words.Count switch
        {
            0 => MemberDirectory.List(await store.GetMembersAsync(cancellationToken)) + "\n" + MemberTexts.ListHint,
            1 => await store.FindMemberAsync(context.Words[0], cancellationToken) is { } member
                ? MemberTexts.Detail(member, (await store.GetUnitsAsync(cancellationToken)).ToDictionary(u => u.Code, u => u.Name, StringComparer.OrdinalIgnoreCase))
                : MemberTexts.UnknownMember(context.Words[0]),
            _ => CommandTexts.Usage(Usage),
        };
        return Reply.Say(text);
    }
}
