using DoSon.Bot.Hosting;
using DoSon.Bot.Storage;

namespace DoSon.Bot.Channels;

/// <summary>`members invite &lt;member-code&gt;`: prints a one-time code and, for each chat platform that
/// is set up, how the member uses it there (the t.me deep link on Telegram, /lienket on Zalo).</summary>
public sealed class MembersVerb(IBotStore store, ChatInvites invites, IEnumerable<IInviteInstructions> platforms) : ICliVerb
{
    public const int Failed = 1;

    public string Name => "members";

    public string Usage => ChatTexts.InviteUsage;

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        if (arguments.Count != 2 || !string.Equals(arguments[0], "invite", StringComparison.OrdinalIgnoreCase))
        {
            await output.WriteLineAsync(ChatTexts.MembersUsage);
            return CliRunner.UsageError;
        }

        var member = store.FindMember(arguments[1]);
        if (member is null)
        {
            await output.WriteLineAsync(ChatTexts.InviteMemberUnknown(arguments[1]));
            return Failed;
        }

        var prepared = new List<InviteInstructions>();
        foreach (var platform in platforms)
        {
            if (await platform.PrepareAsync(cancellationToken) is { } instructions)
            {
                prepared.Add(instructions);
            }
        }

        var problems = prepared.Where(p => p.Problem is not null).Select(p => p.Problem!).ToList();
        var ready = prepared.Where(p => p.Describe is not null).Select(p => p.Describe!).ToList();
        if (ready.Count == 0)
        {
            await output.WriteLineAsync(problems.Count == 0 ? ChatTexts.InviteNoPlatform : string.Join("\n", problems));
            return Failed;
        }

        var (code, expires) = invites.Create(member.Code);
        await output.WriteLineAsync(ChatTexts.InviteCreated(member, code, expires));
        foreach (var describe in ready)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync(describe(code));
        }

        foreach (var problem in problems)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync(ChatTexts.InviteProblem(problem));
        }

        return 0;
    }
}
