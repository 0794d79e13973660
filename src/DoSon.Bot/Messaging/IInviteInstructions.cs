namespace DoSon.Bot.Messaging;

/// <summary>How to use a `members invite` code on one platform, or why it cannot be told now.</summary>
/// <param name="Link">The address that carries the code (Telegram's t.me deep link), for a QR code; null
/// when the platform has none.</param>
public sealed record InviteInstructions(Func<string, string>? Describe, string? Problem, Func<string, string>? Link = null)
{
    public static InviteInstructions Ready(Func<string, string> describe, Func<string, string>? link = null) => new(describe, null, link);

    public static InviteInstructions Failed(string problem) => new(null, problem);
}

/// <summary>One chat platform's part of `members invite`: what to tell the member so that they use
/// the code there (a Telegram deep link, the text to send on Zalo).</summary>
public interface IInviteInstructions
{
    /// <summary>Null when this platform is not set up; otherwise the instructions (made from the code)
    /// or the problem that keeps the platform from being used. Called before the code is made, so a
    /// failure retires none of the member's older codes.</summary>
    Task<InviteInstructions?> PrepareAsync(CancellationToken cancellationToken);
}
