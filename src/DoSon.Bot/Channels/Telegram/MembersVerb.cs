using DoSon.Bot.Hosting;
using DoSon.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Channels.Telegram;

/// <summary>`members invite &lt;member-code&gt;`: prints a one-time code and the t.me deep link that
/// links the member's Telegram account when they open it.</summary>
public sealed class MembersVerb(IBotStore store, TelegramInvites invites, IOptions<TelegramOptions> options, IServiceProvider services) : ICliVerb
{
    public const int Failed = 1;

    public string Name => "members";

    public string Usage => TelegramTexts.InviteUsage;

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        if (arguments.Count != 2 || !string.Equals(arguments[0], "invite", StringComparison.OrdinalIgnoreCase))
        {
            await output.WriteLineAsync(TelegramTexts.MembersUsage);
            return CliRunner.UsageError;
        }

        var member = store.FindMember(arguments[1]);
        if (member is null)
        {
            await output.WriteLineAsync(TelegramTexts.InviteMemberUnknown(arguments[1]));
            return Failed;
        }

        var username = options.Value.BotUsername?.Trim().TrimStart('@');
        if (string.IsNullOrEmpty(username))
        {
            if (services.GetService<TelegramApi>() is not { } api)
            {
                await output.WriteLineAsync(TelegramTexts.InviteNoBot);
                return Failed;
            }

            try
            {
                username = await api.GetUsernameAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await output.WriteLineAsync(TelegramTexts.InviteNoUsername(api.Redact(ex.Message)));
                return Failed;
            }
        }

        var (code, expires) = invites.Create(member.Code);
        await output.WriteLineAsync(TelegramTexts.InviteCreated(member, code, $"https://t.me/{username}?start={code}", expires));
        return 0;
    }
}
