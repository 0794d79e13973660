using DoSon.Bot.Domain;

namespace DoSon.Bot.Commands;

/// <summary>A lead unit's counts, as drawn on the chart.</summary>
public sealed record UnitBar(string Code, string Name, UnitTaskCount Led);

/// <summary>The dashboard's chart of the lead units (done / overdue / the rest), as PNG for chat: the
/// web console draws it (ScottPlot); without it, /tongquan answers with its text alone.</summary>
public interface IWardChart
{
    byte[] ByUnitPng(IReadOnlyList<UnitBar> units);
}
