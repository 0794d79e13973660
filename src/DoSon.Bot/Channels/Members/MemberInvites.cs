using DoSon.Bot.Messaging;

namespace DoSon.Bot.Channels.Members;

/// <summary>What an invite says once made: the code, when it expires, and for each chat platform set
/// up how the member uses it; or, when no platform can take it, why (and no code is made).</summary>
/// <param name="Code">The code made (null when none was); shown once, never stored or logged.</param>
/// <param name="Links">The addresses that carry the code (the t.me deep link), for a QR code.</param>
public sealed record InviteResult(bool Made, string Text, string? Code = null, IReadOnlyList<string>? Links = null);

/// <summary>Makes a member's invite the one way, for the `members invite` verb and for /moi in chat:
/// the platforms are asked first, so that a failure retires none of the member's older codes.</summary>
public sealed class MemberInvites(ChatInvites invites, IEnumerable<IInviteInstructions> platforms)
{
    public async Task<InviteResult> InviteAsync(Domain.Member member, CancellationToken cancellationToken)
    {
        var prepared = new List<InviteInstructions>();
        foreach (var platform in platforms)
        {
            if (await platform.PrepareAsync(cancellationToken) is { } instructions)
            {
                prepared.Add(instructions);
            }
        }

        var problems = prepared.Where(p => p.Problem is not null).Select(p => p.Problem!).ToList();
        var ready = prepared.Where(p => p.Describe is not null).Select(p => p.Describe!).ToList();
        if (ready.Count == 0)
        {
            return new(false, problems.Count == 0 ? ChatTexts.InviteNoPlatform : string.Join("\n", problems));
        }

        var (code, expires) = await invites.CreateAsync(member.Code);
        var parts = new List<string> { ChatTexts.InviteCreated(member, code, expires) };
        parts.AddRange(ready.Select(describe => describe(code)));
        parts.AddRange(problems.Select(ChatTexts.InviteProblem));
        var links = prepared.Where(p => p.Describe is not null && p.Link is not null).Select(p => p.Link!(code)).ToList();
        return new(true, string.Join("\n\n", parts), code, links);
    }
}
