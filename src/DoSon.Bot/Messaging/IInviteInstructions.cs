namespace DoSon.Bot.Messaging;

/// <summary>How to use a `members invite` code on one platform, or why it cannot be told now.</summary>
public sealed record InviteInstructions(Func<string, string>? Describe, string? Problem)
{
    public static InviteInstructions Ready(Func<string, string> describe) => new(describe, null);

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
