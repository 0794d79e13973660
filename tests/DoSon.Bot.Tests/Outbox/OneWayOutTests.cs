using System.Text.RegularExpressions;
using FluentAssertions;

namespace DoSon.Bot.Tests.Outbox;

/// <summary>"No code path sends to a platform except through its outbox": the platform clients' send
/// methods are called only in the files the outbox sends through. A new call anywhere else (an answer
/// that bypasses the outbox, its pace and its 429 pause) fails this test with the file and line.
/// Setup calls (setMyCommands, deleteWebhook, getUpdates, getFile) send nothing to a person and are
/// not listed.</summary>
public sealed partial class OneWayOutTests
{
    /// <summary>Telegram.Bot's methods that put something in front of a person.</summary>
    [GeneratedRegex(@"\.(SendMessage|SendDocument|SendPhoto|SendMediaGroup|SendChatAction|EditMessageText|EditMessageCaption|EditMessageReplyMarkup|AnswerCallbackQuery|DeleteMessage|CopyMessage|ForwardMessage)\(")]
    private static partial Regex TelegramSend();

    /// <summary>The Zalo client's send, and the channels' own one-message methods.</summary>
    [GeneratedRegex(@"\b(SendMessageAsync|SendHtmlAsync)\(")]
    private static partial Regex ChannelSend();

    /// <summary>IChatChannel.SendAsync on a channel (the outbox's sender is the only caller).</summary>
    [GeneratedRegex(@"[Cc]hannel\.SendAsync\(")]
    private static partial Regex ChatChannelSend();

    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["telegram client"] = ["Channels/Telegram/TelegramChannel.cs", "Channels/Telegram/TelegramOutbox.cs"],
        ["channel send"] = ["Channels/Telegram/TelegramChannel.cs", "Channels/Telegram/TelegramOutbox.cs", "Channels/Zalo/ZaloChannel.cs", "Channels/Zalo/ZaloBotClient.cs"],
        ["IChatChannel.SendAsync"] = ["Outbox/OutboxSender.cs"],
    };

    private static string SourceFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "src", "DoSon.Bot")))
        {
            dir = dir.Parent;
        }

        return dir is null ? throw new DirectoryNotFoundException("src/DoSon.Bot not found above " + AppContext.BaseDirectory) : Path.Combine(dir.FullName, "src", "DoSon.Bot");
    }

    private static List<(string Rule, string File, int Line, string Text)> Calls()
    {
        var root = SourceFolder();
        var found = new List<(string, string, int, string)>();
        foreach (var path in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal))
            {
                continue;
            }

            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].TrimStart();
                if (line.StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }

                if (TelegramSend().IsMatch(line))
                {
                    found.Add(("telegram client", relative, i + 1, line));
                }

                if (ChannelSend().IsMatch(line))
                {
                    found.Add(("channel send", relative, i + 1, line));
                }

                if (ChatChannelSend().IsMatch(line))
                {
                    found.Add(("IChatChannel.SendAsync", relative, i + 1, line));
                }
            }
        }

        return found;
    }

    [Fact]
    public void Only_the_outbox_and_the_channels_it_sends_through_call_a_platforms_send_methods()
    {
        var outside = Calls()
            .Where(c => !Allowed[c.Rule].Contains(c.File))
            .Select(c => $"{c.File}:{c.Line} ({c.Rule}): {c.Text}")
            .ToList();

        outside.Should().BeEmpty("every message, edit and tap answer leaves through the platform's outbox");
    }

    [Fact]
    public void The_scan_finds_the_calls_it_allows_so_it_is_not_vacuous()
    {
        var calls = Calls();

        calls.Should().Contain(c => c.Rule == "telegram client" && c.File == "Channels/Telegram/TelegramOutbox.cs" && c.Text.Contains("AnswerCallbackQuery", StringComparison.Ordinal));
        calls.Should().Contain(c => c.Rule == "telegram client" && c.File == "Channels/Telegram/TelegramChannel.cs" && c.Text.Contains("SendMessage", StringComparison.Ordinal));
        calls.Should().Contain(c => c.Rule == "channel send" && c.File == "Channels/Zalo/ZaloChannel.cs");
        calls.Should().Contain(c => c.Rule == "IChatChannel.SendAsync" && c.File == "Outbox/OutboxSender.cs");
    }
}
