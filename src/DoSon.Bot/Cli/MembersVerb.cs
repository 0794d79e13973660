using DoSon.Bot.Channels.Members;
using DoSon.Bot.Channels;
using DoSon.Bot.Hosting;
using DoSon.Bot.Messaging;
using DoSon.Bot.Storage;

namespace DoSon.Bot.Cli;

/// <summary>`members invite &lt;member-code&gt;`: prints a one-time code and, for each chat platform that
/// is set up, how the member uses it there (the t.me deep link on Telegram, /lienket on Zalo).
/// `members list`: the members and their link status, as /thanhvien shows them. Both need the
/// database, which the running bot holds: then the refusal points to /moi and /thanhvien in chat.</summary>
public sealed class MembersVerb(IBotStore store, ChatInvites invites, IEnumerable<IInviteInstructions> platforms) : ICliVerb
{
    public const int Failed = 1;

    private readonly MemberInvites _invites = new(invites, platforms);

    public string Name => "members";

    public string Usage => MemberTexts.VerbUsage;

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var invite = arguments.Count == 2 && string.Equals(arguments[0], "invite", StringComparison.OrdinalIgnoreCase);
        var list = arguments.Count == 1 && string.Equals(arguments[0], "list", StringComparison.OrdinalIgnoreCase);
        if (!invite && !list)
        {
            await output.WriteLineAsync(ChatTexts.MembersUsage + "\n" + MemberTexts.ListVerbUsageLine);
            return CliRunner.UsageError;
        }

        try
        {
            return invite ? await InviteAsync(arguments[1], output, cancellationToken) : await ListAsync(output);
        }
        catch (DatabaseInUseException ex)
        {
            throw new ExpectedFailureException(ex.Message + "\n" + MemberTexts.UseChatInstead, ex.ExitCode, ex);
        }
    }

    private async Task<int> ListAsync(TextWriter output)
    {
        await output.WriteLineAsync(MemberDirectory.List(await store.GetMembersAsync()));
        return ExitCodes.Ok;
    }

    private async Task<int> InviteAsync(string code, TextWriter output, CancellationToken cancellationToken)
    {
        var member = await store.FindMemberAsync(code, cancellationToken);
        if (member is null)
        {
            await output.WriteLineAsync(ChatTexts.InviteMemberUnknown(code));
            return Failed;
        }

        var result = await _invites.InviteAsync(member, cancellationToken);
        await output.WriteLineAsync(result.Text);
        return result.Made ? ExitCodes.Ok : Failed;
    }
}
