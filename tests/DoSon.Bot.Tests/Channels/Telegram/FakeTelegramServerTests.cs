using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DoSon.Bot.Channels;
using DoSon.Bot.FakeApis.Telegram;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace DoSon.Bot.Tests.Channels.Telegram;

/// <summary>The fake must behave like Telegram where the bot depends on it, or the end-to-end tests
/// prove nothing.</summary>
#pragma warning disable CA1001 // xunit disposes it through IAsyncLifetime.DisposeAsync
public sealed class FakeTelegramServerTests : IAsyncLifetime
{
    private FakeTelegramServer _fake = null!;
    // The bot's own handler: Telegram.Bot sends chunked bodies, which the fake refuses as telegram-bot-api does.
    private readonly HttpClient _http = new(BufferedContentHandler.OverSockets());

    public async Task InitializeAsync() => _fake = await FakeTelegramServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    private TelegramBotClient Client(string? token = null) => new(new TelegramBotClientOptions(token ?? _fake.Token, _fake.BaseUrl) { RetryThreshold = 0 }, _http);

    private async Task<(HttpStatusCode Status, JsonObject Body)> CallAsync(string method, object body)
    {
        using var response = await _http.PostAsync($"{_fake.BaseUrl}/bot{_fake.Token}/{method}",
            new StringContent(System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    [Fact]
    public async Task A_wrong_token_gets_401_unauthorized()
    {
        var call = async () => await Client("654321:WRONG-token-that-is-long-enough").GetMe();

        (await call.Should().ThrowAsync<ApiRequestException>()).Which.ErrorCode.Should().Be(401);
        (await Client().GetMe()).Username.Should().Be(_fake.BotUsername);
    }

    [Fact]
    public async Task A_long_poll_waits_for_an_update_and_an_offset_confirms_it_for_good()
    {
        var poll = Client().GetUpdates(timeout: 30);
        await _fake.WaitUntilAsync(() => _fake.LongPollWaiting).WaitAsync(TimeSpan.FromSeconds(30));
        poll.IsCompleted.Should().BeFalse("nothing was queued yet");
        var queued = _fake.SendText(1003, "/nhiemvu");

        var updates = await poll.WaitAsync(TimeSpan.FromSeconds(30));
        updates.Should().ContainSingle(u => u.Id == queued.UpdateId && u.Message!.Text == "/nhiemvu");
        updates[0].Message!.Entities![0].Type.Should().Be(MessageEntityType.BotCommand);
        updates[0].Message!.Date.Should().BeAfter(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        (await Client().GetUpdates()).Should().ContainSingle("an update stays until an offset confirms it");
        (await Client().GetUpdates(offset: (int)queued.UpdateId + 1)).Should().BeEmpty();
        (await Client().GetUpdates()).Should().BeEmpty("confirmed updates never come back");
        _fake.IsConfirmed(queued.UpdateId).Should().BeTrue();
    }

    [Fact]
    public async Task Html_that_is_not_escaped_or_too_long_is_refused_like_telegram()
    {
        _fake.AddUser(1003);

        var unescaped = await CallAsync("sendMessage", new { chat_id = 1003, text = "Báo cáo <b>& tổng hợp", parse_mode = "HTML" });
        var bareAmpersand = await CallAsync("sendMessage", new { chat_id = 1003, text = "A & B", parse_mode = "HTML" });
        var tooLong = await CallAsync("sendMessage", new { chat_id = 1003, text = new string('a', 4097) });
        var fine = await CallAsync("sendMessage", new { chat_id = 1003, text = "<b>Đậm</b> &amp; &lt;thường&gt;", parse_mode = "HTML" });

        unescaped.Status.Should().Be(HttpStatusCode.BadRequest);
        ((string)unescaped.Body["description"]!).Should().StartWith("Bad Request: can't parse entities");
        bareAmpersand.Status.Should().Be(HttpStatusCode.BadRequest);
        ((string)tooLong.Body["description"]!).Should().Be("Bad Request: message is too long");
        fine.Status.Should().Be(HttpStatusCode.OK);
        ((string)fine.Body["result"]!["text"]!).Should().Be("Đậm & <thường>");
    }

    [Fact]
    public async Task SetMyCommands_checks_names_descriptions_and_scopes()
    {
        var badName = await CallAsync("setMyCommands", new { commands = new[] { new { command = "NhiemVu", description = "x" } } });
        var emptyDescription = await CallAsync("setMyCommands", new { commands = new[] { new { command = "nhiemvu", description = " " } } });
        var tooMany = await CallAsync("setMyCommands", new { commands = Enumerable.Range(0, 101).Select(i => new { command = $"c{i}", description = "d" }) });
        var unknownChat = await CallAsync("setMyCommands", new { commands = new[] { new { command = "nhiemvu", description = "Nhiệm vụ" } }, scope = new { type = "chat", chat_id = 42 } });

        ((string)badName.Body["description"]!).Should().Be("Bad Request: BOT_COMMAND_INVALID");
        ((string)emptyDescription.Body["description"]!).Should().Be("Bad Request: command description must be non-empty");
        ((string)tooMany.Body["description"]!).Should().Be("Bad Request: BOT_COMMANDS_TOO_MUCH");
        ((string)unknownChat.Body["description"]!).Should().Be("Bad Request: chat not found");
        _fake.Commands.Should().BeEmpty();
    }

    [Fact]
    public async Task Going_over_the_per_chat_limit_gets_429_with_retry_after_on_the_servers_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        await using var limited = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { Clock = clock, RateLimits = new FakeRateLimits(PerChatBurst: 2) });
        limited.AddUser(1001);
        var client = new TelegramBotClient(new TelegramBotClientOptions(limited.Token, limited.BaseUrl) { RetryThreshold = 0 }, _http);

        await client.SendMessage(1001, "1");
        await client.SendMessage(1001, "2");
        var third = async () => await client.SendMessage(1001, "3");
        var refused = (await third.Should().ThrowAsync<ApiRequestException>()).Which;
        clock.Advance(TimeSpan.FromSeconds(1));
        await client.SendMessage(1001, "3");

        refused.ErrorCode.Should().Be(429);
        refused.Message.Should().Be("Too Many Requests: retry after 1");
        refused.Parameters!.RetryAfter.Should().Be(1);
        limited.SentTo(1001).Select(m => m.Text).Should().Equal("1", "2", "3");
    }

    [Fact]
    public async Task Documents_and_photos_go_up_as_multipart_and_come_back_through_getFile()
    {
        _fake.AddUser(1001);
        var content = Encoding.UTF8.GetBytes("Báo cáo tuần");
        using var stream = new MemoryStream(content);

        var sent = await Client().SendDocument(1001, InputFile.FromStream(stream, "bao-cao.txt"), caption: "Tuần 1 &amp; 2", parseMode: ParseMode.Html);
        using var photo = new MemoryStream([1, 2, 3]);
        var photoMessage = await Client().SendPhoto(1001, InputFile.FromStream(photo, "anh.jpg"));
        var file = await Client().GetFile(sent.Document!.FileId);
        using var downloaded = new MemoryStream();
        await Client().DownloadFile(file, downloaded);

        sent.Document.FileName.Should().Be("bao-cao.txt");
        sent.Caption.Should().Be("Tuần 1 & 2");
        photoMessage.Photo.Should().NotBeNullOrEmpty();
        downloaded.ToArray().Should().Equal(content);
    }

    [Fact]
    public async Task A_documents_caption_is_edited_with_editMessageCaption_and_a_text_message_has_none()
    {
        _fake.AddUser(1001);
        using var stream = new MemoryStream([1, 2, 3]);
        var keyboard = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Nhập", "n:imp:X"));
        var sent = await Client().SendDocument(1001, InputFile.FromStream(stream, "ban-nhap.xlsx"), caption: "Bản nháp", replyMarkup: keyboard);
        var text = await Client().SendMessage(1001, "Chữ");

        var edited = await Client().EditMessageCaption(1001, sent.Id, "Bản nháp &amp; đã nhập", ParseMode.Html);
        var same = async () => await Client().EditMessageCaption(1001, sent.Id, "Bản nháp & đã nhập");
        var noCaption = async () => await Client().EditMessageCaption(1001, text.Id, "Không được");

        edited.Caption.Should().Be("Bản nháp & đã nhập");
        _fake.Message(1001, sent.Id).Caption.Should().Be("Bản nháp & đã nhập");
        _fake.Message(1001, sent.Id).Buttons.Should().BeEmpty("a caption edited without reply_markup loses its keyboard, as on Telegram");
        (await same.Should().ThrowAsync<ApiRequestException>()).Which.Message.Should().Contain("message is not modified");
        (await noCaption.Should().ThrowAsync<ApiRequestException>()).Which.Message.Should().Contain("no caption");
    }

    [Fact]
    public async Task A_second_poller_terminates_the_first_with_409_conflict()
    {
        var first = Client().GetUpdates(timeout: 30);
        await _fake.WaitUntilAsync(() => _fake.LongPollWaiting).WaitAsync(TimeSpan.FromSeconds(30));
        var second = Client().GetUpdates(timeout: 0);

        var conflict = async () => await first.WaitAsync(TimeSpan.FromSeconds(30));
        (await conflict.Should().ThrowAsync<ApiRequestException>()).Which.ErrorCode.Should().Be(409);
        (await second).Should().BeEmpty();
    }
}
