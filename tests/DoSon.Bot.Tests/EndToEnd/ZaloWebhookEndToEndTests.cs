using System.Text.Json.Nodes;
using DoSon.Bot.Channels.Zalo;
using DoSon.Bot.Domain;
using DoSon.Bot.Web;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using static DoSon.Bot.Tests.EndToEnd.ZaloWorld;

namespace DoSon.Bot.Tests.EndToEnd;

/// <summary>Zalo's webhook mode, end to end: the real host serving the webhook on its web server, our
/// Zalo client against the fake Zalo server, which posts updates as Zalo does.</summary>
public sealed class ZaloWebhookEndToEndTests
{
    public const string HookUrl = "https://bot.example.test/zalo/webhook";
    public const string Secret = "bi-mat-cua-phuong-do-son";

    public static Dictionary<string, string?> WebhookSettings() => new()
    {
        ["Zalo:WebhookUrl"] = HookUrl,
        ["Zalo:WebhookSecret"] = Secret,
    };

    /// <summary>Where the bot listens (the fake posts there, at the webhook's path, as a proxy would).</summary>
    public static string Listener(ZaloWorld world) => world.Bot.Services.GetRequiredService<WebLoginLinks>().PublicUrl;

    private static async Task<ZaloWorld> StartWebhookWorldAsync(IReadOnlyDictionary<string, string?>? more = null)
    {
        var world = await ZaloWorld.StartAsync(settings: BotHost.Merge(WebhookSettings(), more), web: true);
        await world.Fake.WaitForCallAsync("getWebhookInfo").WaitAsync(BotHost.Patience);
        return world;
    }

    [Fact]
    public async Task At_start_the_webhook_is_set_with_the_secret_and_checked_and_nothing_is_polled()
    {
        await using var world = await StartWebhookWorldAsync();

        var set = world.Fake.CallsTo("setWebhook").Should().ContainSingle().Which;
        ((string?)set.Parameters["url"]).Should().Be(HookUrl);
        ((string?)set.Parameters["secret_token"]).Should().Be(Secret);
        world.Fake.Webhook.Should().Be(new DoSon.Bot.FakeApis.Zalo.FakeZaloWebhook(HookUrl, Secret));
        world.Fake.CallsTo("getUpdates").Should().BeEmpty();
        world.Fake.CallsTo("deleteWebhook").Should().BeEmpty();
        world.Bot.Logs.Lines.Should().NotContain(l => l.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Posts_without_the_header_get_401_with_a_wrong_or_empty_secret_403_and_change_nothing()
    {
        await using var world = await StartWebhookWorldAsync();
        var update = world.Fake.TextUpdate(Officer, "/moc");

        (await world.Fake.PostToWebhookWithoutSecretAsync(Listener(world), update)).Should().Be(401);
        (await world.Fake.PostToWebhookAsync(Listener(world), update, "doan-sai-bi-mat")).Should().Be(403);
        (await world.Fake.PostToWebhookAsync(Listener(world), update, "")).Should().Be(403);
        (await world.Fake.PostToWebhookAsync(Listener(world), update, Secret + "x")).Should().Be(403);

        world.Fake.SentTo(Officer).Should().BeEmpty();
    }

    [Fact]
    public async Task An_update_posted_with_the_secret_is_answered_before_the_200_and_once_when_posted_again()
    {
        await using var world = await StartWebhookWorldAsync();
        var update = world.Fake.TextUpdate(Officer, "/moc");

        (await world.Fake.PostToWebhookAsync(Listener(world), update)).Should().Be(200);
        world.Fake.SentTo(Officer).Should().ContainSingle("the answer is sent before the 200")
            .Which.Text.Should().Contain("15/03/2026");
        (await world.Fake.PostToWebhookAsync(Listener(world), update)).Should().Be(200, "Zalo may deliver again");

        world.Fake.SentTo(Officer).Should().HaveCount(1);
    }

    [Fact]
    public async Task The_same_update_posted_twice_at_once_and_again_after_a_restart_is_handled_once()
    {
        await using var world = await StartWebhookWorldAsync();
        var update = world.Fake.TextUpdate(Officer, "/capnhat T2 30 qua webhook");

        var both = await Task.WhenAll(
            world.Fake.PostToWebhookAsync(Listener(world), update),
            world.Fake.PostToWebhookAsync(Listener(world), update)).WaitAsync(BotHost.Patience);
        both.Should().Equal(200, 200);
        world.Fake.SentTo(Officer).Should().HaveCount(1);

        await world.StopBotAsync();
        await world.StartBotAsync();
        await world.Fake.WaitForCallAsync("setWebhook", 2).WaitAsync(BotHost.Patience);
        (await world.Fake.PostToWebhookAsync(Listener(world), update)).Should().Be(200);
        (await world.Fake.PostToWebhookAsync(Listener(world), world.Fake.TextUpdate(Officer, "/capnhat T2 40 sau khi chạy lại"))).Should().Be(200);

        (await world.Bot.Store.GetHistoryAsync("T2")).Where(r => r.Kind == ProgressKind.Progress).Select(r => r.Note)
            .Should().Equal("qua webhook", "sau khi chạy lại");
        world.Fake.SentTo(Officer).Should().HaveCount(2);
    }

    [Fact]
    public async Task Switched_back_to_polling_the_bot_deletes_the_webhook_at_start_and_receives_by_getUpdates()
    {
        await using var world = await StartWebhookWorldAsync();
        await world.StopBotAsync();

        await world.StartBotAsync(settings: new Dictionary<string, string?> { ["Zalo:WebhookUrl"] = "" });
        await world.Fake.WaitForCallAsync("deleteWebhook").WaitAsync(BotHost.Patience);
        world.Fake.SendText(Officer, "/moc");
        (await world.MessageAsync(Officer)).Text.Should().Contain("15/03/2026");

        world.Fake.Webhook.Should().BeNull();
    }

    [Fact]
    public async Task A_webhook_changed_at_zalo_is_set_again_and_readyz_counts_zalos_answers()
    {
        await using var world = await StartWebhookWorldAsync();
        world.Fake.SetWebhook("https://elsewhere.example.test/hook", "bi-mat-cua-ai-khac");

        await Fakes.ClockDriver.RunUntilAsync(world.Bot.Clock, () => world.Fake.CallsTo("setWebhook").Count >= 2, TimeSpan.FromSeconds(10));

        world.Fake.Webhook.Should().Be(new DoSon.Bot.FakeApis.Zalo.FakeZaloWebhook(HookUrl, Secret));
        world.Bot.Logs.Lines.Should().Contain(l => l.Contains("Webhook Zalo đã bị đổi hoặc xoá", StringComparison.Ordinal));
        var contact = world.Bot.Services.GetRequiredService<DoSon.Bot.Hosting.PlatformContact>().Snapshot();
        contact["Zalo"].Should().NotBeNull();
    }

    [Fact]
    public async Task Fuzz_200_hostile_texts_by_webhook_crash_nothing_and_each_is_answered()
    {
        await using var world = await StartWebhookWorldAsync(new Dictionary<string, string?>
        {
            ["Chat:MaxMessagesPerMinute"] = "1000",
            ["Zalo:PerSecond"] = "1000",
        });
        var random = new Random(20260315);
        for (var i = 0; i < 200; i++)
        {
            var text = HostileTexts.Next(random, i);
            var before = world.Fake.SentTo(Officer).Count;

            var status = await world.Fake.PostToWebhookAsync(Listener(world), world.Fake.TextUpdate(Officer, text)).WaitAsync(BotHost.Patience);

            status.Should().Be(200, "text {0} was {1}", i, text.Length > 80 ? text[..80] : text);
            world.Fake.SentTo(Officer).Count.Should().BeGreaterThan(before, "text {0} must be answered", i);
            if (i % 20 == 19)
            {
                world.Bot.Clock.Advance(TimeSpan.FromSeconds(2));
            }
        }

        world.Fake.SentTo(Officer).Should().OnlyContain(m => m.Text.Length >= 1 && m.Text.Length <= 2000);
        world.Bot.Logs.Lines.Should().NotContain(l => l.Contains("Lỗi khi xử lý tin nhắn Zalo", StringComparison.Ordinal));
        world.Bot.Logs.Lines.Should().NotContain(l => l.StartsWith("Critical", StringComparison.Ordinal));
    }
}
