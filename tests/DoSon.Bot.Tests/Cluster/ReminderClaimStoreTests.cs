using DoSon.Bot.Reminders;
using DoSon.Bot.Storage.PostgreSql;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Cluster;

/// <summary>The claims two instances of a ward make on one PostgreSQL schema before sending.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReminderClaimStoreTests(PostgresServer server)
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 0, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(15);

    private static async Task<string[]> PendingAsync(PostgreSqlBotStore store, int count)
    {
        var keys = Enumerable.Range(1, count).Select(i => $"notice:A{i:000}:claim").ToArray();
        foreach (var key in keys)
        {
            (await store.AddOneOffAsync(new PlannedReminder(key, ReminderKind.Notice, "ADMIN", null, null, "claim", Now, "Thông báo"))).Should().BeTrue();
        }

        return keys;
    }

    [SkippableFact]
    public async Task Two_instances_claiming_the_same_reminders_at_once_get_each_reminder_exactly_once()
    {
        using var ward = server.NewWard();
        var store = ward.Open();
        var other = ward.Open();
        var keys = await PendingAsync(store, 200);

        // Both claim every key, in reverse orders, at the same time, many times over.
        var a = Task.Run(async () => (await store.ClaimAsync(keys, "may-a", Now, Now + Hold)).Claimed);
        var b = Task.Run(async () => (await other.ClaimAsync([.. keys.Reverse()], "may-b", Now, Now + Hold)).Claimed);
        var (ofA, ofB) = (await a, await b);

        ofA.Intersect(ofB).Should().BeEmpty("a reminder claimed by one instance is not claimed by the other");
        ofA.Union(ofB).Should().BeEquivalentTo(keys, "every pending reminder is claimed by one of them");
    }

    [SkippableFact]
    public async Task A_claim_holds_against_another_instance_until_it_runs_out_and_then_is_released_at_takeover()
    {
        using var ward = server.NewWard();
        var store = ward.Open();
        var keys = await PendingAsync(store, 3);
        (await store.ClaimAsync(keys, "may-a", Now, Now + Hold)).Claimed.Should().HaveCount(3);

        var early = await store.ClaimAsync(keys, "may-b", Now.AddSeconds(5), Now.AddSeconds(5) + Hold);
        early.Claimed.Should().BeEmpty("may-a's claims have not run out");
        early.HeldElsewhereUntil.Should().Be(Now + Hold, "may-b tries again when they run out");
        (await store.ClaimAsync(keys, "may-a", Now.AddSeconds(5), Now.AddSeconds(5) + Hold)).Claimed.Should().HaveCount(3, "an instance may renew its own claims");

        await store.CompleteAsync([keys[0]], ReminderState.Sent, Now.AddSeconds(6), null);
        (await store.ReleaseExpiredAsync(Now.AddSeconds(10))).Should().Be(0, "nothing has run out yet");
        (await store.ReleaseExpiredAsync(Now.AddSeconds(20) + Hold)).Should().Be(2, "the two still pending are given back; the sent one is never claimed again");
        (await store.ClaimAsync(keys, "may-b", Now.AddSeconds(21) + Hold, Now.AddSeconds(21) + Hold + Hold)).Claimed.Should().BeEquivalentTo(keys[1..]);
    }

    [SkippableFact]
    public async Task A_reminder_kept_to_the_microsecond_is_due_at_its_slot_which_is_kept_to_the_millisecond()
    {
        using var ward = server.NewWard();
        var store = ward.Open();
        // What a catch-up on the real clock writes: an instant with ticks below the millisecond.
        var at = Now.AddTicks(470_443);
        (await store.AddOneOffAsync(new PlannedReminder("notice:A001:micro", ReminderKind.Notice, "A001", null, null, "micro", at, "Thông báo"))).Should().BeTrue();

        var slot = new DateTimeOffset(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        (await store.GetDueAsync("A001", slot)).Should().ContainSingle("the scheduler fires the slot at the millisecond");
        (await store.GetDueAsync("A001", slot.AddMilliseconds(-1))).Should().BeEmpty();
    }

    [SkippableFact]
    public async Task An_instance_gives_back_only_its_own_claims_on_reminders_still_pending()
    {
        using var ward = server.NewWard();
        var store = ward.Open();
        var keys = await PendingAsync(store, 4);
        await store.ClaimAsync(keys[..2], "may-a", Now, Now + Hold);
        await store.ClaimAsync(keys[2..], "may-b", Now, Now + Hold);

        (await store.ReleaseAsync(null, "may-a")).Should().Be(2);
        (await store.ClaimAsync(keys, "may-c", Now, Now + Hold)).Claimed.Should().BeEquivalentTo(keys[..2], "may-b still holds its own");
    }
}
