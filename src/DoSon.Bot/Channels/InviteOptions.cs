using Microsoft.Extensions.Options;

namespace DoSon.Bot.Channels;

/// <summary>The `members invite` codes, shared by Telegram and Zalo.</summary>
public sealed class InviteOptions
{
    public const string Section = "Invites";

    /// <summary>How long a `members invite` code stays valid (days).</summary>
    public double ValidDays { get; set; } = 7;
}

public sealed class InviteOptionsValidator : IValidateOptions<InviteOptions>
{
    public ValidateOptionsResult Validate(string? name, InviteOptions options) =>
        options.ValidDays is <= 0 or > 365
            ? ValidateOptionsResult.Fail("Invites:ValidDays phải lớn hơn 0 và không quá 365 ngày.")
            : ValidateOptionsResult.Success;
}
