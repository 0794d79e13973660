namespace DoSon.Bot.Domain;

/// <summary>A named date of the month, such as the election day 15/03/2026.</summary>
public sealed record Milestone(string Code, string Name, DateOnly Date);
