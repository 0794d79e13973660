using DoSon.Bot.Commands;

namespace DoSon.Bot.Web;

/// <summary>The dashboard's chart, drawn for chat (/tongquan on Telegram) as the console draws it.</summary>
internal sealed class WardChart : IWardChart
{
    public byte[] ByUnitPng(IReadOnlyList<UnitBar> units) =>
        DashboardChart.Png([.. units.Select(u => new UnitLine(u.Code, u.Name, u.Led))]);
}
