using DoSon.Bot.Channels.Telegram;
using DoSon.Bot.Web;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;

namespace DoSon.Bot.Tests.EndToEnd;

/// <summary>"Handled once" across restarts on Telegram's webhook (Zalo's: ZaloWebhookEndToEndTests and
/// ZaloEndToEndTests): the record is in the database, not in the process.</summary>
public sealed class HandledOnceEndToEndTests
{
    private const long Officer = 1003;

    [Fact]
    public async Task A_telegram_update_posted_again_after_a_restart_is_acknowledged_and_not_handled_again()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:WebhookUrl"] = "https://bot.example.test/telegram/hook",
            ["Telegram:WebhookSecret"] = "bi-mat_cua-phuong",
        };
        await using var world = await TelegramWorld.StartAsync(settings: settings, web: true);
        await world.Fake.WaitUntilAsync(() => world.Fake.Webhook is not null).WaitAsync(BotHost.Patience);
        const string update = """
            {"update_id": 900001, "message": {"message_id": 7, "date": 1772326800,
             "from": {"id": 1003, "is_bot": false, "first_name": "Cán bộ"},
             "chat": {"id": 1003, "type": "private", "first_name": "Cán bộ"},
             "text": "/capnhat T2 30 trước khi dừng"}}
            """;

        static async Task<int> PostAsync(BotHost bot)
        {
            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, bot.Services.GetRequiredService<WebLoginLinks>().PublicUrl + "/telegram/hook")
            {
                Content = new StringContent(update, System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(TelegramWebhookService.SecretHeader, "bi-mat_cua-phuong");
            using var response = await http.SendAsync(request);
            return (int)response.StatusCode;
        }

        (await PostAsync(world.Bot)).Should().Be(200);
        world.Fake.SentTo(Officer).Should().HaveCount(1);
        await world.StopBotAsync();
        await using var again = await BotHost.StartAsync(world.Fake, world.Database, settings: settings, web: true);

        (await PostAsync(again)).Should().Be(200);

        world.Fake.SentTo(Officer).Should().HaveCount(1);
        (await again.Store.GetHistoryAsync("T2")).Where(r => r.Kind == DoSon.Bot.Domain.ProgressKind.Progress).Should().ContainSingle();
    }
}
