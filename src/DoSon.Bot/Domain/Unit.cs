namespace DoSon.Bot.Domain;

/// <summary>A unit (đơn vị) tasks are assigned to: UBND, HĐND, MTTQ, Công an phường, a chi bộ...</summary>
public sealed record Unit(string Code, string Name);
