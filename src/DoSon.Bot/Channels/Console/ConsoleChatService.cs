using DoSon.Bot.Storage;
using DoSon.Bot.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Channels.Console;

/// <summary>Chats on the terminal as one member when no Telegram or Zalo token is set. Each line is a
/// message; at the end of piped input the bot keeps running (reminders still print) until stopped.</summary>
public sealed class ConsoleChatService(
    ConsoleIo io,
    Conversation conversation,
    IBotStore store,
    IOptions<ConsoleChatOptions> options,
    ILogger<ConsoleChatService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (seeding, scheduler) before the first prompt.
        await Task.Yield();
        var code = options.Value.Member;
        var member = await store.FindMemberAsync(code, stoppingToken);
        if (member is null)
        {
            io.WriteBlock(ConsoleTexts.UnknownMember(code));
            return;
        }

        io.WriteBlock(ConsoleTexts.Welcome(member));
        while (!stoppingToken.IsCancellationRequested)
        {
            if (io.Interactive)
            {
                await io.Output.WriteAsync("> ");
                await io.Output.FlushAsync(stoppingToken);
            }

            string? line;
            try
            {
                line = await ReadLineAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (line is null)
            {
                io.WriteBlock(ConsoleTexts.EndOfInput);
                break;
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (!io.Interactive)
            {
                io.Output.WriteLine($"> {line}");
            }

            try
            {
                // Re-read the member each time: an import may have changed their role or units.
                member = await store.FindMemberAsync(code, stoppingToken) ?? member;
                var reply = await conversation.AnswerAsync(member, line, "console", stoppingToken);
                io.WriteBlock(ConsoleFormat.Render(reply));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Lỗi khi xử lý tin nhắn trên màn hình");
                io.WriteBlock(ConsoleTexts.InternalError);
            }
        }
    }

    /// <summary>Console.In's ReadLineAsync does not look at its token: it reads synchronously, so a
    /// person who never presses Enter held the host's stop for its whole ShutdownTimeout (30 s). The
    /// read runs on its own thread and the wait for it is what is cancelled; a read still pending at
    /// stop is abandoned with the process. One read is pending at a time.</summary>
    private Task<string?> ReadLineAsync(CancellationToken stoppingToken)
    {
        _pending ??= Task.Run(() => io.Input.ReadLine(), CancellationToken.None);
        return TakeAsync(_pending.WaitAsync(stoppingToken));

        async Task<string?> TakeAsync(Task<string?> read)
        {
            var line = await read;
            _pending = null;
            return line;
        }
    }

    private Task<string?>? _pending;

    /// <summary>Whether a read of the terminal is still waiting (tests: stop did not wait for it).</summary>
    internal bool ReadPending => _pending is { IsCompleted: false };
}
