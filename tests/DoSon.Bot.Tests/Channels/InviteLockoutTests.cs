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
public sealed class InviteLockoutTests : IDisposable
{
    private static readonly ChatAccount Guesser = ChatAccount.Telegram(666);
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.Zero));
    private readonly LogCapture _logs = new();
    private LiteDbBotStore _store;
    private ChatLinking _linking;
    private ChatInvites _invites;

    public InviteLockoutTests()
    {
        _store = _database.Open();
        WardData.SeedInto(_store);
        (_invites, _linking) = Build();
    }

    private (ChatInvites, ChatLinking) Build()
    {
        var invites = new ChatInvites(_store, Options.Create(new InviteOptions()), _clock);
        using var factory = LoggerFactory.Create(b => b.AddProvider(_logs));
        return (invites, new ChatLinking(invites, _store, factory.CreateLogger<ChatLinking>()));
    }

    public void Dispose()
    {
        _store.Dispose();
        _database.Dispose();
    }

    private void Wrong(int times, ChatAccount? account = null)
    {
        for (var i = 0; i < times; i++)
        {
            _linking.Link(account ?? Guesser, $"SAIMA{i:D7}");
        }
    }

    [Fact]
    public void Five_wrong_codes_lock_the_account_and_even_the_right_code_is_refused()
    {
        var (code, _) = _invites.Create("CB-DC");
        Wrong(5);

        var answer = _linking.Link(Guesser, code);

        answer.Linked.Should().BeNull();
        answer.Text.Should().StartWith(ChatTexts.InviteLockedOut);
        answer.Text.Should().Contain("thử lại sau một giờ");
        _store.FindMemberByTelegram(666).Should().BeNull();
    }

    [Fact]
    public void The_fifth_wrong_code_is_answered_with_the_lockout()
    {
        Wrong(4);

        _linking.Link(Guesser, "SAIMA9999999").Text.Should().StartWith(ChatTexts.InviteLockedOut);
    }

    [Fact]
    public void After_an_hour_the_right_code_links()
    {
        var (code, _) = _invites.Create("CB-DC");
        Wrong(5);
        _clock.Advance(TimeSpan.FromMinutes(59));
        _linking.Link(Guesser, code).Linked.Should().BeNull();

        _clock.Advance(TimeSpan.FromMinutes(1));

        _linking.Link(Guesser, code).Linked!.Code.Should().Be("CB-DC");
    }

    [Fact]
    public void The_ten_minute_window_slides()
    {
        Wrong(4);
        _clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        Wrong(4);

        _store.InviteLockedUntil(Guesser, _clock.GetUtcNow()).Should().BeNull("the first four are older than ten minutes");

        _clock.Advance(TimeSpan.FromMinutes(9));
        Wrong(1);
        _store.InviteLockedUntil(Guesser, _clock.GetUtcNow()).Should().Be(_clock.GetUtcNow().AddHours(1));
    }

    [Fact]
    public void Each_account_is_counted_on_its_own_platform()
    {
        Wrong(4);
        Wrong(4, ChatAccount.Zalo("666"));
        Wrong(4, ChatAccount.Telegram(667));

        _store.InviteLockedUntil(Guesser, _clock.GetUtcNow()).Should().BeNull();
        _store.InviteLockedUntil(ChatAccount.Zalo("666"), _clock.GetUtcNow()).Should().BeNull();
    }

    [Fact]
    public void A_lockout_survives_a_restart()
    {
        Wrong(5);
        _store.Dispose();
        _store = _database.Open();
        (_invites, _linking) = Build();
        var (code, _) = _invites.Create("CB-DC");

        _linking.Link(Guesser, code).Text.Should().StartWith(ChatTexts.InviteLockedOut);
    }

    [Fact]
    public void Each_lockout_is_logged_once_as_a_warning_without_the_codes_and_counted_for_the_digest()
    {
        Wrong(7);
        Wrong(5, ChatAccount.Zalo("z-9"));

        var warnings = _logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal)).ToList();
        warnings.Should().HaveCount(2);
        warnings[0].Should().Contain("Tạm khóa liên kết Telegram của tài khoản 666").And.NotContain("SAIMA");
        _store.CountInviteLockouts(_clock.GetUtcNow().AddDays(-1)).Should().Be(2);
        _store.CountInviteLockouts(_clock.GetUtcNow().AddSeconds(1)).Should().Be(0);
    }
}
