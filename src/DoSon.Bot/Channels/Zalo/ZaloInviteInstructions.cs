using DoSon.Bot.Messaging;

namespace DoSon.Bot.Channels.Zalo;

/// <summary>Zalo's part of `members invite`: the text the member sends to the bot on Zalo. Zalo has no
/// deep links that carry a code, so the member types it. The bot's name comes from getMe.</summary>
public sealed class ZaloInviteInstructions(ZaloBotClient client) : IInviteInstructions
{
    public async Task<InviteInstructions?> PrepareAsync(CancellationToken cancellationToken)
    {
        string? name = null;
        try
        {
            name = (await client.GetMeAsync(cancellationToken)).DisplayName;
        }
        catch (ZaloApiException ex) when (ex.ErrorCode == 401)
        {
            return InviteInstructions.Failed(ZaloTexts.InviteTokenRefused);
        }
        catch (ZaloApiException)
        {
            // Zalo out of reach: the instructions do without the bot's name.
        }

        return InviteInstructions.Ready(code => ZaloTexts.InviteHowTo(name, code));
    }
}
