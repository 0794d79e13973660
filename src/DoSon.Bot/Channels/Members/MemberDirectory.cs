using DoSon.Bot.Domain;

namespace DoSon.Bot.Channels.Members;

/// <summary>Where a member stands with the chats, worst first: the bot could not reach them, they
/// never linked an account, or they are linked.</summary>
public enum LinkState
{
    Unreachable = 0,
    NeverLinked = 1,
    Linked = 2,
}

/// <summary>The members as the office checks them (/thanhvien, `members list`): those the bot cannot
/// reach, then those who never linked an account, then the rest, each group by code.</summary>
public static class MemberDirectory
{
    public static LinkState StateOf(Member member) =>
        member.Unreachable ? LinkState.Unreachable
        : member.TelegramUserId is null && string.IsNullOrEmpty(member.ZaloUserId) ? LinkState.NeverLinked
        : LinkState.Linked;

    public static IReadOnlyList<Member> InOrder(IEnumerable<Member> members) =>
        members.OrderBy(StateOf).ThenBy(m => m.Code, StringComparer.Ordinal).ToList();

    /// <summary>The whole list, in groups with their headings.</summary>
    public static string List(IReadOnlyList<Member> members)
    {
        var ordered = InOrder(members);
        var lines = new List<string> { MemberTexts.ListHeading(ordered.Count, ordered.Count(m => StateOf(m) == LinkState.Unreachable), ordered.Count(m => StateOf(m) == LinkState.NeverLinked)) };
        foreach (var group in ordered.GroupBy(StateOf))
        {
            lines.Add(MemberTexts.GroupHeading(group.Key));
            lines.AddRange(group.Select(MemberTexts.Line));
        }

        return string.Join("\n", lines);
    }
}
