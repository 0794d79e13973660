using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace DoSon.Bot.Channels.Telegram;

/// <summary>What a tap does after it is answered (an edit of the tapped message, a prompt, a report):
/// collected while deciding, run once the answer is out.</summary>
internal sealed class TapFollowUps
{
    private readonly List<Func<Task>> _work = [];

    public void Then(Func<Task> work) => _work.Add(work);

    public IReadOnlyList<Func<Task>> Work => _work;
}

/// <summary>Every callback query must be answered, or the user's app keeps a spinner on the button:
/// whatever the decision does, even when it fails, an answer goes out. The answer goes first, in the
/// outbox's interactive lane; the slower work the decision asked for (editing the message, sending a
/// prompt or a report) follows it.</summary>
internal static class CallbackAnswers
{
    public static async Task HandleAsync(
        TelegramApi api,
        TelegramOutbox outbox,
        ILogger logger,
        CallbackQuery query,
        string what,
        Func<TapFollowUps, Task<(string Answer, bool Alert)>> decide,
        CancellationToken cancellationToken)
    {
        var (answer, alert) = (TelegramTexts.InternalError, true);
        var then = new TapFollowUps();
        try
        {
            (answer, alert) = await decide(then);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError("Lỗi khi xử lý nút bấm ({What}) {Data}: {Error}", what, query.Data, api.Redact(ex.ToString()));
        }
        finally
        {
            await outbox.AnswerCallbackAsync(query.Id, answer, alert, cancellationToken);
        }

        foreach (var work in then.Work)
        {
            try
            {
                await work();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError("Lỗi sau khi trả lời nút bấm ({What}) {Data}: {Error}", what, query.Data, api.Redact(ex.ToString()));
            }
        }
    }
}
