using DoSon.Bot.Commands;
using DoSon.Bot.Domain;
using DoSon.Bot.Storage;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace DoSon.Bot.Channels.Telegram;

/// <summary>The command menu Telegram shows beside the text box (setMyCommands), with the Vietnamese
/// descriptions of the command core: everyone sees the member commands; each linked leader and admin
/// gets, in their private chat only, the menu of their role.</summary>
public sealed class TelegramCommandMenu(TelegramApi api, CommandRouter router, IBotStore store, ILogger<TelegramCommandMenu> logger)
{
    public const int MaxDescriptionLength = 256;

    /// <summary>The order people look for them in; commands not listed follow alphabetically.</summary>
    private static readonly string[] Preferred =
        ["nhiemvu", "sapden", "quahan", "capnhat", "xong", "vuongmac", "nhaclai", "chitiet", "moc", "donvi", "tongquan", "moi", "thanhvien", "trogiup"];

    public IReadOnlyList<BotCommand> CommandsFor(MemberRole role)
    {
        var commands = router.AvailableTo(role)
            .OrderBy(h => Array.IndexOf(Preferred, h.Name) is var i && i < 0 ? int.MaxValue : i)
            .ThenBy(h => h.Name, StringComparer.Ordinal)
            .Select(h => new BotCommand(h.Name, Shorten(h.Description)))
            .ToList();
        if (role == MemberRole.Admin)
        {
            commands.Add(new BotCommand("dangkynhom", TelegramTexts.RegisterGroupDescription));
            commands.Add(new BotCommand("huydangkynhom", TelegramTexts.UnregisterGroupDescription));
        }

        return commands;
    }

    public async Task RegisterAllAsync(CancellationToken cancellationToken)
    {
        await SetAsync(CommandsFor(MemberRole.Member), BotCommandScope.Default(), "mặc định", cancellationToken);
        foreach (var member in await store.GetMembersAsync(cancellationToken))
        {
            await RegisterForAsync(member, cancellationToken);
        }
    }

    /// <summary>The menu of a leader's or admin's role in their private chat with the bot. Telegram
    /// refuses a chat that has never written to the bot ("chat not found"): that member gets their
    /// menu when they link or at the next start.</summary>
    public async Task RegisterForAsync(Member member, CancellationToken cancellationToken)
    {
        if (member.TelegramUserId is not { } userId || member.Role == MemberRole.Member)
        {
            return;
        }

        await SetAsync(CommandsFor(member.Role), BotCommandScope.Chat(userId), member.Code, cancellationToken);
    }

    private async Task SetAsync(IReadOnlyList<BotCommand> commands, BotCommandScope scope, string scopeName, CancellationToken cancellationToken)
    {
        try
        {
            await api.Client.SetMyCommands(commands, scope, cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogInformation("Chưa đặt được danh sách lệnh Telegram cho {Scope}: {Error}", scopeName, api.Redact(ex.Message));
        }
    }

    private static string Shorten(string description) =>
        description.Length <= MaxDescriptionLength ? description : description[..(MaxDescriptionLength - 1)] + "…";
}
