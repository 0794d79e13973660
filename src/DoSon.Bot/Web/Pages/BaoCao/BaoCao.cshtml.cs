using DoSon.Bot.Domain;
using DoSon.Bot.Reports;
using DoSon.Bot.Web.Reports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DoSon.Bot.Web.Pages.BaoCao;

/// <summary>Báo cáo: the monthly report /baocao and the `report` verb give, for any month, on screen and
/// as .docx (the Party-form document) and .xlsx. Leaders and admins only, as /baocao.</summary>
public sealed class BaoCaoModel(ReportService reports) : MemberPageModel
{
    [BindProperty(SupportsGet = true, Name = "thang")]
    public string? Thang { get; set; }

    public MonthlyReport? Report { get; private set; }

    public string? Refusal { get; private set; }

    /// <summary>The month as the form shows it and the download links carry it.</summary>
    public string Month { get; private set; } = "";

    public Task<IActionResult> OnGetAsync() => WithReportAsync(_ => Page());

    public Task<IActionResult> OnGetDocxAsync() => WithReportAsync(report =>
    {
        // The chart of section VI is the dashboard's, drawn from the month's own counts.
        var chart = DashboardChart.Png([.. report.Units.Select(u => new UnitLine(u.Code, u.Name, new UnitTaskCount(u.Total, u.Done, u.Overdue, u.Blocked)))]);
        using var stream = new MemoryStream();
        ReportDocument.WriteDocx(report, stream, report.Units.Count > 0 ? chart : null);
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            WebTexts.ReportFileName(report.Year, report.Month, "docx"));
    });

    public Task<IActionResult> OnGetXlsxAsync() => WithReportAsync(report =>
        File(ReportWorkbook.Write(report), ReportWorkbook.ContentType, WebTexts.ReportFileName(report.Year, report.Month, "xlsx")));

    private async Task<IActionResult> WithReportAsync(Func<MonthlyReport, IActionResult> show)
    {
        var (year, month) = reports.CurrentMonth();
        Month = $"{month:00}/{year}";
        if (Viewer.Role < MemberRole.Leader)
        {
            Refusal = WebTexts.ReportLeadersOnly;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        if (!string.IsNullOrWhiteSpace(Thang))
        {
            if (!ReportService.TryParseMonth(Thang, out year, out month))
            {
                Month = Thang.Trim();
                Refusal = WebTexts.ReportBadMonth(Month);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }

            Month = $"{month:00}/{year}";
        }

        Report = await reports.BuildAsync(year, month);
        return show(Report);
    }
}
