using DoSon.Bot.Web.Calendar;
using Microsoft.AspNetCore.Mvc;

namespace DoSon.Bot.Web.Pages.Lich;

/// <summary>Lịch: the member's calendar feed address, made (or renewed) by a button.</summary>
public sealed class LichModel(CalendarFeeds feeds) : MemberPageModel
{
    /// <summary>The address made by the last POST, shown once after the redirect: TempData lives in a
    /// cookie encrypted with the session's keys and is deleted as soon as the page has read it.</summary>
    [TempData]
    public string? NewAddress { get; set; }

    public DateTimeOffset? CreatedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        CreatedAt = await feeds.CreatedAsync(Viewer, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        NewAddress = await feeds.CreateAsync(Viewer, cancellationToken);
        return RedirectToPage();
    }
}
