using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace DoSon.Bot.Channels.Telegram;

/// <summary>Every callback query must be answered, or the user's app keeps a spinner on the button:
/// whatever the decision does, even when it fails, an answer goes out.</summary>
internal static class CallbackAnswers
{
    public static async Task HandleAsync(
        TelegramApi api,
        ILogger logger,
        CallbackQuery query,
        string what,
        Func<Task<(string Answer, bool Alert)>> decide,
        CancellationToken cancellationToken)
    {
        var (answer, alert) = (TelegramTexts.InternalError, true);
        try
        {
            (answer, alert) = await decide();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError("Lỗi khi xử lý nút bấm ({What}) {Data}: {Error}", what, query.Data, api.Redact(ex.ToString()));
        }
        finally
        {
            try
            {
                await api.Client.AnswerCallbackQuery(query.Id, answer, alert, cancellationToken: cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Không trả lời được nút bấm: {Error}", api.Redact(ex.Message));
            }
        }
    }
}
