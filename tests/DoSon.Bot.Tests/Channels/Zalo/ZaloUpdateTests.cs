using System.Text.Json;
using DoSon.Bot.Channels.Zalo;
using FluentAssertions;

namespace DoSon.Bot.Tests.Channels.Zalo;

public class ZaloUpdateTests
{
    private static ZaloUpdate Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ZaloUpdate.Parse(document.RootElement);
    }

    private const string Bare = """
        {"event_name": "message.text.received",
         "message": {"from": {"id": "6ede9afa66b88fe6d6a9", "display_name": "Ted", "is_bot": false},
                     "chat": {"id": "6ede9afa66b88fe6d6a9", "chat_type": "PRIVATE"},
                     "text": "Xin chào", "message_id": "2d758cb5e222177a4e35", "date": 1750316131602}}
        """;

    [Fact]
    public void Parse_WhenTheUpdateIsBare_ShouldReadItAsZaloDocumentsIt()
    {
        var update = Parse(Bare);

        update.EventName.Should().Be(ZaloEvents.Text);
        update.Message!.MessageId.Should().Be("2d758cb5e222177a4e35");
        update.Message.Date.Should().Be(1750316131602);
        update.Message.Text.Should().Be("Xin chào");
        update.Message.From.ShownName.Should().Be("Ted");
        update.Message.IsPrivate.Should().BeTrue();
    }

    [Fact]
    public void Parse_WhenTheUpdateIsWrappedInOkResult_ShouldReadTheSame()
    {
        var update = Parse("""{"ok": true, "result": """ + Bare + "}");

        update.Message!.MessageId.Should().Be("2d758cb5e222177a4e35");
        update.Message.Chat.Id.Should().Be("6ede9afa66b88fe6d6a9");
    }

    [Fact]
    public void Parse_WhenTheSenderIsNamedWithNameAndIdsAreNumbers_ShouldStillRead()
    {
        var update = Parse("""
            {"event_name": "message.sticker.received",
             "message": {"from": {"id": 123456, "name": "Lan"}, "chat": {"id": 123456, "chat_type": "GROUP"},
                         "sticker": "abc", "message_id": 42, "date": "1750316131602"}}
            """);

        update.Message!.From.Id.Should().Be("123456");
        update.Message.From.ShownName.Should().Be("Lan");
        update.Message.MessageId.Should().Be("42");
        update.Message.Date.Should().Be(1750316131602);
        update.Message.IsPrivate.Should().BeFalse();
    }
}
