namespace DoSon.Bot.Domain;

public enum MemberRole
{
    Member = 0,
    Leader = 1,
    Admin = 2,
}

/// <summary>A committee member or official the bot talks to.</summary>
/// <param name="Units">Codes of the units the member belongs to or leads.</param>
public sealed record Member(
    string Code,
    string Name,
    string Title,
    IReadOnlyList<string> Units,
    MemberRole Role,
    long? TelegramUserId = null,
    string? ZaloUserId = null,
    bool Unreachable = false)
{
    public bool BelongsTo(string unitCode) =>
        Units.Any(u => string.Equals(u, unitCode, StringComparison.OrdinalIgnoreCase));
}
