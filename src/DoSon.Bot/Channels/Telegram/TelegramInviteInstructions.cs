using DoSon.Bot.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Channels.Telegram;

/// <summary>Telegram's part of `members invite`: the t.me deep link that sends /start with the code.
/// Needs the bot's username: Telegram:BotUsername, or else asked from Telegram (getMe).</summary>
public sealed class TelegramInviteInstructions(IOptions<TelegramOptions> options, IServiceProvider services) : IInviteInstructions
{
    public async Task<InviteInstructions?> PrepareAsync(CancellationToken cancellationToken)
    {
        var username = options.Value.BotUsername?.Trim().TrimStart('@');
        if (string.IsNullOrEmpty(username))
        {
            // Registered only when Telegram:BotToken is set.
            if (services.GetService<TelegramApi>() is not { } api)
            {
                return null;
            }

            try
            {
                username = await api.GetUsernameAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return InviteInstructions.Failed(TelegramTexts.InviteNoUsername(api.Redact(ex.Message)));
            }
        }

        string Link(string code) => $"https://t.me/{username}?start={code}";
        return InviteInstructions.Ready(code => TelegramTexts.InviteHowTo(Link(code), code), Link);
    }
}
