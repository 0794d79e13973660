using DoSon.Bot.Channels;
using FluentAssertions;

namespace DoSon.Bot.Tests.Channels;

/// <summary>The point up to which Telegram's offset may confirm updates that finish out of order.</summary>
public sealed class LowWaterMarkTests
{
    [Fact]
    public void The_mark_moves_only_past_ids_with_every_lower_one_finished()
    {
        var mark = new LowWaterMark();
        mark.TakeBatch([11, 12, 13, 14]).Should().Equal(11, 12, 13, 14);

        mark.Mark.Should().Be(10, "nothing below the oldest pending update is owed");
        mark.Finish(13);
        mark.Finish(12);
        mark.Mark.Should().Be(10, "11 is still under way");
        mark.HandledAbove.Should().Equal(12, 13);

        mark.Finish(11);
        mark.Mark.Should().Be(13);
        mark.HandledAbove.Should().BeEmpty();
        mark.Finish(14);
        mark.Mark.Should().Be(14);
    }

    [Fact]
    public void Ids_handed_out_again_are_taken_once_and_gaps_do_not_hold_the_mark()
    {
        var mark = new LowWaterMark(100);
        mark.TakeBatch([101, 105]).Should().Equal(101, 105);
        mark.Finish(105);

        mark.TakeBatch([101, 105, 106]).Should().Equal([106], "101 is under way and 105 finished");
        mark.Finish(101);
        mark.Mark.Should().Be(105);
        mark.Outstanding.Should().Be(1);
    }

    [Fact]
    public void After_a_restart_the_saved_finished_ids_are_skipped_and_the_ones_between_are_still_owed()
    {
        var mark = new LowWaterMark(200, [203, 204, 199]);
        mark.Mark.Should().Be(200, "201 and 202 may still be owed");

        mark.TakeBatch([201, 202, 203, 204, 205]).Should().Equal(201, 202, 205);
        mark.Finish(202);
        mark.Mark.Should().Be(200);
        mark.Finish(201);
        mark.Mark.Should().Be(204);
        mark.Finish(205);
        mark.Mark.Should().Be(205);
    }

    [Fact]
    public void A_batch_that_starts_above_the_mark_moves_it_over_the_ids_no_longer_pending()
    {
        var mark = new LowWaterMark(200, [203]);

        mark.TakeBatch([203]).Should().BeEmpty();

        mark.Mark.Should().Be(203, "201 and 202 are no longer pending and 203 was finished before the restart");
        mark.HandledAbove.Should().BeEmpty();
    }
}
