using System.Net;
using System.Text;
using DoSon.Bot.Channels;
using DoSon.Bot.FakeApis.Telegram;
using DoSon.Bot.FakeApis.Zalo;
using FluentAssertions;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace DoSon.Bot.Tests.Channels;

/// <summary>A self-hosted telegram-bot-api server refuses chunked bodies with an empty 400; Telegram.Bot
/// 22 sends every body chunked. The bot's HttpClients buffer bodies so each request carries a
/// Content-Length, and the fake servers refuse chunked bodies, so a regression fails the end-to-end tests.</summary>
public sealed class BufferedContentHandlerTests
{
    /// <summary>What went out on the wire, seen just below the buffering handler.</summary>
    private sealed class WireRecorder() : DelegatingHandler(new SocketsHttpHandler())
    {
        public List<(string Path, long? ContentLength, bool? Chunked, string? ContentType)> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Requests)
            {
                Requests.Add((request.RequestUri!.AbsolutePath, request.Content?.Headers.ContentLength, request.Headers.TransferEncodingChunked, request.Content?.Headers.ContentType?.MediaType));
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    private static TelegramBotClient Client(FakeTelegramServer fake, HttpClient http) =>
        new(new TelegramBotClientOptions(fake.Token, fake.BaseUrl) { RetryThreshold = 0, RetryCount = 0 }, http);

    [Fact]
    public async Task Every_request_of_the_real_Telegram_client_through_the_bots_handler_carries_a_content_length()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        fake.AddUser(1001);
        var wire = new WireRecorder();
        using var http = new HttpClient(new BufferedContentHandler(wire));
        var client = Client(fake, http);

        await client.GetMe();
        var message = await client.SendMessage(1001, "Chào đồng chí — nhắc việc tháng 3");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("Báo cáo tháng 3/2026"));
        var document = await client.SendDocument(1001, InputFile.FromStream(stream, "bao-cao.docx"), caption: "Báo cáo");

        message.Text.Should().Be("Chào đồng chí — nhắc việc tháng 3");
        fake.File(document.Document!.FileId)!.Content.Should().Equal(Encoding.UTF8.GetBytes("Báo cáo tháng 3/2026"));
        wire.Requests.Should().HaveCount(3);
        wire.Requests.Should().OnlyContain(r => r.Chunked != true);
        wire.Requests[0].ContentLength.Should().BeNull("getMe has no body at all");
        wire.Requests.Skip(1).Should().OnlyContain(r => r.ContentLength > 0);
        wire.Requests[2].ContentType.Should().Be("multipart/form-data");
        fake.Calls.Should().OnlyContain(c => c.StatusCode == 200);
    }

    [Fact]
    public async Task Without_the_handler_the_real_Telegram_client_is_refused_by_the_strict_fake()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        fake.AddUser(1001);
        using var http = new HttpClient();

        var send = async () => await Client(fake, http).SendMessage(1001, "Chào");

        await send.Should().ThrowAsync<RequestException>();
        fake.SentTo(1001).Should().BeEmpty();
        fake.Calls.Should().ContainSingle().Which.Should().Match<FakeCall>(c =>
            c.Method == "sendMessage" && c.StatusCode == 400 && c.Error == FakeTelegramServer.ChunkedRefusal);
    }

    [Fact]
    public async Task The_fake_Bot_API_answers_a_chunked_body_with_an_empty_400_and_a_sized_one_normally()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        await RefusesChunkedBodies($"{fake.BaseUrl}/bot{fake.Token}/getMe");
    }

    [Fact]
    public async Task The_fake_Zalo_server_refuses_a_chunked_body_too()
    {
        await using var fake = await FakeZaloServer.StartAsync();
        await RefusesChunkedBodies($"{fake.BaseUrl}/bot{fake.Token}/getMe");
    }

    /// <summary>A chunked body gets an empty 400, as telegram-bot-api answers it; the same body with a length is served.</summary>
    private static async Task RefusesChunkedBodies(string url)
    {
        using var http = new HttpClient();
        using var chunked = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        chunked.Headers.TransferEncodingChunked = true;
        using var refused = await http.SendAsync(chunked);
        using var sized = await http.PostAsync(url, new StringContent("{}", Encoding.UTF8, "application/json"));

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().BeEmpty();
        sized.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Json_content_without_a_known_length_is_sent_with_its_length_and_type()
    {
        await using var fake = await FakeZaloServer.StartAsync();
        var wire = new WireRecorder();
        using var http = new HttpClient(new BufferedContentHandler(wire));

        using var response = await http.PostAsync($"{fake.BaseUrl}/bot{fake.Token}/getMe", System.Net.Http.Json.JsonContent.Create(new { }));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        wire.Requests.Should().ContainSingle().Which.Should().Match<(string, long?, bool?, string?)>(r => r.Item2 == 2 && r.Item4 == "application/json");
    }
}
