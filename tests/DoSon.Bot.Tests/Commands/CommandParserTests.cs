using DoSon.Bot.Commands;
using FluentAssertions;

namespace DoSon.Bot.Tests.Commands;

/// <summary>One parser for every chat: what the router, Telegram and Zalo read from a message.</summary>
public class CommandParserTests
{
    [Fact]
    public void A_name_with_diacritics_and_the_bots_name_is_normalised_and_the_target_kept()
    {
        var parsed = CommandParser.Parse("/Nhiệm_vụ@DoSonBot");

        parsed.Kind.Should().Be(ParsedCommandKind.Command);
        (parsed.Name, parsed.Target, parsed.Token, parsed.Arguments).Should().Be(("nhiemvu", "DoSonBot", "Nhiệm_vụ@DoSonBot", ""));
        parsed.Words.Should().BeEmpty();
    }

    [Fact]
    public void Arguments_keep_their_line_breaks_and_words_split_at_spaces_and_line_breaks()
    {
        var parsed = CommandParser.Parse("/capnhat T1 50\nđã đo đạc\r\nxong 3 thửa\t ");

        parsed.Name.Should().Be("capnhat");
        parsed.Target.Should().BeNull();
        parsed.Arguments.Should().Be("T1 50\nđã đo đạc \nxong 3 thửa");
        parsed.Words.Should().Equal("T1", "50", "đã", "đo", "đạc", "xong", "3", "thửa");
    }

    [Fact]
    public void A_line_break_right_after_the_name_ends_the_name()
    {
        var parsed = CommandParser.Parse("/lienket\nABC123");

        (parsed.Name, parsed.Arguments).Should().Be(("lienket", "ABC123"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u0000\u0001")]
    public void Empty_text_is_empty_and_no_command(string? text)
    {
        var parsed = CommandParser.Parse(text);

        parsed.Kind.Should().Be(ParsedCommandKind.Empty);
        parsed.IsCommand.Should().BeFalse();
        (parsed.Name, parsed.Target, parsed.Arguments).Should().Be(("", (string?)null, ""));
    }

    [Fact]
    public void A_lone_slash_is_a_command_without_a_name()
    {
        var parsed = CommandParser.Parse(" / ");

        parsed.IsCommand.Should().BeTrue();
        (parsed.Name, parsed.Token, parsed.Arguments).Should().Be(("", "", ""));
    }

    [Fact]
    public void Text_without_a_slash_is_not_a_command()
    {
        var parsed = CommandParser.Parse("nhiemvu T1");

        (parsed.Kind, parsed.Name, parsed.Text).Should().Be((ParsedCommandKind.NotACommand, "", "nhiemvu T1"));
    }

    [Fact]
    public void Too_long_text_is_flagged_but_still_says_whom_it_addresses()
    {
        var parsed = CommandParser.Parse("/capnhat@DoSonBot T1 50 " + new string('x', CommandRouter.MaxMessageLength));
        var limit = CommandParser.Parse("/" + new string('x', CommandRouter.MaxMessageLength - 1));

        parsed.IsTooLong.Should().BeTrue();
        parsed.Target.Should().Be("DoSonBot");
        limit.IsTooLong.Should().BeFalse("exactly the limit is read");
    }
}
