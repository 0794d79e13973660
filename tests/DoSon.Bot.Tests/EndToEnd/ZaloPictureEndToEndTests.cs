using System.Net;
using System.Net.Sockets;
using DoSon.Bot.Web;
using FluentAssertions;
using static DoSon.Bot.Tests.EndToEnd.ZaloWorld;

namespace DoSon.Bot.Tests.EndToEnd;

/// <summary>Pictures on Zalo: sendPhoto takes an address, so /tongquan's chart is served by the bot's
/// own web server from a short-lived signed address when the bot has a public one.</summary>
public sealed class ZaloPictureEndToEndTests
{
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task With_a_public_address_tongquans_chart_is_sent_as_a_photo_that_can_be_fetched_until_it_expires()
    {
        var port = FreePort();
        var listen = $"http://127.0.0.1:{port}";
        await using var world = await ZaloWorld.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Web:ListenUrls"] = listen,
            ["Web:PublicUrl"] = listen,
        }, web: true);

        world.Fake.SendText(Leader, "/tongquan");
        await world.Fake.WaitUntilAsync(() => world.Fake.SentTo(Leader).Any(m => m.Photo is not null)).WaitAsync(BotHost.Patience);

        var sent = world.Fake.SentTo(Leader);
        sent[0].Photo.Should().BeNull("the text comes first");
        var photo = sent.Single(m => m.Photo is not null);
        photo.Photo.Should().StartWith(listen + "/anh/").And.Contain("het=").And.Contain("ky=");
        photo.Text.Should().NotBeEmpty();
        using var http = new HttpClient();
        using (var fetched = await http.GetAsync(photo.Photo))
        {
            fetched.StatusCode.Should().Be(HttpStatusCode.OK);
            fetched.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
            (await fetched.Content.ReadAsByteArrayAsync())[..4].Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G');
        }

        var tampered = photo.Photo![..^1] + (photo.Photo[^1] == '0' ? '1' : '0');
        (await http.GetAsync(tampered)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await http.GetAsync(photo.Photo.Split('?')[0])).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        world.Bot.Clock.Advance(SignedPictures.Lifetime + TimeSpan.FromSeconds(1));
        (await http.GetAsync(photo.Photo)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "the address has expired");
    }

    [Fact]
    public async Task Without_a_public_address_tongquan_is_sent_as_text_only()
    {
        await using var world = await ZaloWorld.StartAsync(web: true);

        world.Fake.SendText(Leader, "/tongquan");
        await world.MessageAsync(Leader);
        world.Fake.SendText(Leader, "/moc");
        await world.MessageAsync(Leader, 2);

        world.Fake.SentTo(Leader).Should().HaveCount(2).And.OnlyContain(m => m.Photo == null);
        world.Fake.CallsTo("sendPhoto").Should().BeEmpty();
    }
}
