using DoSon.Bot.Channels;
using DoSon.Bot.Cli;
using DoSon.Bot.Domain;
using DoSon.Bot.Hosting;
using DoSon.Bot.Messaging;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Tests.Channels;

/// <summary>`members invite` with the platforms it is given: each ready platform says how to use the
/// code; a code is made only when at least one can.</summary>
public sealed class MembersVerbTests : IAsyncLifetime
{
    private readonly TempDatabase _database = new();
    private LiteDbBotStore _store = null!;
    private ChatInvites _invites = null!;

    public async Task InitializeAsync()
    {
        _store = _database.Open();
        await WardData.SeedIntoAsync(_store);
        _invites = new ChatInvites(_store, Options.Create(new InviteOptions()), new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.Zero)));
    }

    public Task DisposeAsync()
    {
        _store.Dispose();
        _database.Dispose();
        return Task.CompletedTask;
    }

    private sealed class Platform(InviteInstructions? instructions) : IInviteInstructions
    {
        public Task<InviteInstructions?> PrepareAsync(CancellationToken cancellationToken) => Task.FromResult(instructions);
    }

    private async Task<(int Exit, string Output)> RunAsync(params IInviteInstructions[] platforms)
    {
        using var output = new StringWriter();
        var exit = await new MembersVerb(_store, _invites, platforms).RunAsync(["invite", "CB-DC"], output, CancellationToken.None);
        return (exit, output.ToString());
    }

    [Fact]
    public async Task With_no_platform_set_up_it_fails_and_the_members_older_code_still_works()
    {
        var (older, _) = await _invites.CreateAsync("CB-DC");

        var (exit, output) = await RunAsync(new Platform(null));

        exit.Should().Be(MembersVerb.Failed);
        output.Should().Contain("Chưa cấu hình Telegram hay Zalo");
        (await _invites.RedeemAsync(older, ChatAccount.Zalo("zalo-1"))).Result.Should().Be(InviteRedemption.Linked);
    }

    [Fact]
    public async Task When_every_platform_has_a_problem_it_prints_them_and_makes_no_code()
    {
        var (older, _) = await _invites.CreateAsync("CB-DC");

        var (exit, output) = await RunAsync(new Platform(InviteInstructions.Failed("Telegram không trả lời.")));

        exit.Should().Be(MembersVerb.Failed);
        output.Trim().Should().Be("Telegram không trả lời.");
        (await _invites.RedeemAsync(older, ChatAccount.Telegram(2001))).Result.Should().Be(InviteRedemption.Linked);
    }

    [Fact]
    public async Task Each_ready_platform_says_how_to_use_the_one_code_and_a_problem_is_noted()
    {
        var (exit, output) = await RunAsync(
            new Platform(InviteInstructions.Ready(code => "Telegram: " + code)),
            new Platform(InviteInstructions.Failed("Zalo không trả lời.")),
            new Platform(InviteInstructions.Ready(code => "Zalo: /lienket " + code)));

        exit.Should().Be(0);
        var code = output.Split('\n')[0].Split(':')[^1].Trim();
        code.Should().HaveLength(ChatInvites.CodeLength);
        output.Should().Contain("CB-DC").And.Contain("Telegram: " + code).And.Contain("Zalo: /lienket " + code)
            .And.Contain("Lưu ý: Zalo không trả lời.").And.Contain("hết hạn lúc 08/03/2026 08:00");
    }

    [Fact]
    public async Task An_unknown_member_or_a_wrong_verb_is_refused()
    {
        using var output = new StringWriter();
        var verb = new MembersVerb(_store, _invites, [new Platform(InviteInstructions.Ready(c => c))]);

        (await verb.RunAsync(["invite", "KHONG-CO"], output, CancellationToken.None)).Should().Be(MembersVerb.Failed);
        (await verb.RunAsync(["remove", "CB-DC"], output, CancellationToken.None)).Should().Be(CliRunner.UsageError);
        (await verb.RunAsync(["list", "CB-DC"], output, CancellationToken.None)).Should().Be(CliRunner.UsageError);
        output.ToString().Should().Contain("Không có thành viên mã «KHONG-CO»").And.Contain("members invite <mã thành viên>").And.Contain("members list");
    }
}
