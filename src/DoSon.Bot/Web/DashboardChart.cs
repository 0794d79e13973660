using ScottPlot;

namespace DoSon.Bot.Web;

/// <summary>The dashboard's chart: each lead unit's tasks as one stacked bar (done, open and still in
/// time, overdue), drawn by ScottPlot on the server as SVG, so the page needs no script.</summary>
public static class DashboardChart
{
    /// <summary>Named explicitly: SkiaSharp draws no text at all when it finds no font, and DejaVu has
    /// every Vietnamese letter (fonts-dejavu-core on Debian).</summary>
    public const string FontName = "DejaVu Sans";

    private static readonly Color DoneColor = Color.FromHex("#2e7d32");
    private static readonly Color OpenColor = Color.FromHex("#90a4ae");
    private static readonly Color OverdueColor = Color.FromHex("#c62828");

    public const int Width = 720;

    public const int Height = 360;

    public static string Svg(IReadOnlyList<UnitLine> units, int width = Width, int height = Height)
    {
        using var plot = Plot(units);
        return plot.GetSvgXml(width, height);
    }

    /// <summary>The same plot as a PNG: for the Word report, and for programs that do not read SVG.</summary>
    public static byte[] Png(IReadOnlyList<UnitLine> units, int width = Width, int height = Height)
    {
        using var plot = Plot(units);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    private static Plot Plot(IReadOnlyList<UnitLine> units)
    {
        var plot = new Plot();
        try
        {
            plot.Font.Set(FontName);
            var bars = new List<Bar>();
            var ticks = new List<Tick>();
            for (var i = 0; i < units.Count; i++)
            {
                var led = units[i].Led;
                var open = led.Open - led.Overdue;
                bars.Add(new Bar { Position = i, ValueBase = 0, Value = led.Done, FillColor = DoneColor });
                bars.Add(new Bar { Position = i, ValueBase = led.Done, Value = led.Done + open, FillColor = OpenColor });
                bars.Add(new Bar { Position = i, ValueBase = led.Done + open, Value = led.Total, FillColor = OverdueColor });
                ticks.Add(new Tick(i, units[i].Code, isMajor: true));
            }

            plot.Add.Bars(bars);
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
            plot.Axes.Margins(bottom: 0);
            plot.YLabel("Số nhiệm vụ");
            plot.Legend.IsVisible = true;
            plot.Legend.Alignment = Alignment.UpperLeft;
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = WebTexts.Done, FillColor = DoneColor });
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = WebTexts.ChartOpen, FillColor = OpenColor });
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = WebTexts.Overdue, FillColor = OverdueColor });
            return plot;
        }
        catch
        {
            plot.Dispose();
            throw;
        }
    }
}
