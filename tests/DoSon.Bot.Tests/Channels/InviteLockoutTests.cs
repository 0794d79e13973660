using DoSon.Bot.Channels;
using DoSon.Bot.Domain;
using DoSon.Bot.Hosting;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.EndToEnd;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Tests.Channels;

/// <summary>Guessing invite codes: five wrong codes in ten minutes lock the account out for an hour,
/// a right code included, on a fake clock; the counts live in the database.</summary>
public sealed class InviteLockoutTests : IAsyncLifetime
{
    private static readonly ChatAccount Guesser = ChatAccount.Telegram(666);
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.Zero));
    private readonly LogCapture _logs = new();
    private LiteDbBotStore _store = null!;
    private ChatLinking _linking = null!;
    private ChatInvites _invites = null!;

    public async Task InitializeAsync()
    {
        _store = _database.Open();
        await WardData.SeedIntoAsync(_store);
        (_invites, _linking) = Build();
    }

    private (ChatInvites, ChatLinking) Build()
    {
        var invites = new ChatInvites(_store, Options.Create(new InviteOptions()), _clock);
        using var factory = LoggerFactory.Create(b => b.AddProvider(_logs));
        return (invites, new ChatLinking(invites, _store, factory.CreateLogger<ChatLinking>()));
    }

    public Task DisposeAsync()
    {
        _store.Dispose();
        _database.Dispose();
        return Task.CompletedTask;
    }

    private async Task WrongAsync(int times, ChatAccount? account = null)
    {
        for (var i = 0; i < times; i++)
        {
            await _linking.LinkAsync(account ?? Guesser, $"SAIMA{i:D7}");
        }
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_account_and_even_the_right_code_is_refused()
    {
        var (code, _) = await _invites.CreateAsync("CB-DC");
        await WrongAsync(5);

        var answer = await _linking.LinkAsync(Guesser, code);

        answer.Linked.Should().BeNull();
        answer.Text.Should().StartWith(ChatTexts.InviteLockedOut);
        answer.Text.Should().Contain("thử lại sau một giờ");
        (await _store.FindMemberByTelegramAsync(666)).Should().BeNull();
    }

    [Fact]
    public async Task The_fifth_wrong_code_is_answered_with_the_lockout()
    {
        await WrongAsync(4);

        (await _linking.LinkAsync(Guesser, "SAIMA9999999")).Text.Should().StartWith(ChatTexts.InviteLockedOut);
    }

    [Fact]
    public async Task After_an_hour_the_right_code_links()
    {
        var (code, _) = await _invites.CreateAsync("CB-DC");
        await WrongAsync(5);
        _clock.Advance(TimeSpan.FromMinutes(59));
        (await _linking.LinkAsync(Guesser, code)).Linked.Should().BeNull();

        _clock.Advance(TimeSpan.FromMinutes(1));

        (await _linking.LinkAsync(Guesser, code)).Linked!.Code.Should().Be("CB-DC");
    }

    [Fact]
    public async Task The_ten_minute_window_slides()
    {
        await WrongAsync(4);
        _clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        await WrongAsync(4);

        (await _store.InviteLockedUntilAsync(Guesser, _clock.GetUtcNow())).Should().BeNull("the first four are older than ten minutes");

        _clock.Advance(TimeSpan.FromMinutes(9));
        await WrongAsync(1);
        (await _store.InviteLockedUntilAsync(Guesser, _clock.GetUtcNow())).Should().Be(_clock.GetUtcNow().AddHours(1));
    }

    [Fact]
    public async Task Each_account_is_counted_on_its_own_platform()
    {
        await WrongAsync(4);
        await WrongAsync(4, ChatAccount.Zalo("666"));
        await WrongAsync(4, ChatAccount.Telegram(667));

        (await _store.InviteLockedUntilAsync(Guesser, _clock.GetUtcNow())).Should().BeNull();
        (await _store.InviteLockedUntilAsync(ChatAccount.Zalo("666"), _clock.GetUtcNow())).Should().BeNull();
    }

    [Fact]
    public async Task A_lockout_survives_a_restart()
    {
        await WrongAsync(5);
        _store.Dispose();
        _store = _database.Open();
        (_invites, _linking) = Build();
        var (code, _) = await _invites.CreateAsync("CB-DC");

        (await _linking.LinkAsync(Guesser, code)).Text.Should().StartWith(ChatTexts.InviteLockedOut);
    }

    [Fact]
    public async Task Each_lockout_is_logged_once_as_a_warning_without_the_codes_and_counted_for_the_digest()
    {
        await WrongAsync(7);
        await WrongAsync(5, ChatAccount.Zalo("z-9"));

        var warnings = _logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal)).ToList();
        warnings.Should().HaveCount(2);
        warnings[0].Should().Contain("Tạm khóa liên kết Telegram của tài khoản 666").And.NotContain("SAIMA");
        (await _store.CountInviteLockoutsAsync(_clock.GetUtcNow().AddDays(-1))).Should().Be(2);
        (await _store.CountInviteLockoutsAsync(_clock.GetUtcNow().AddSeconds(1))).Should().Be(0);
    }
}
