using DoSon.Bot.Channels.Members;
using DoSon.Bot.Domain;
using DoSon.Bot.Storage;
using DoSon.Bot.Web.Members;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DoSon.Bot.Web.Pages.ThanhVien;

/// <summary>A member shown with /thanhvien's link state and texts.</summary>
public sealed record MemberRow(Member Member, LinkState State, string Telegram, string Zalo);

/// <summary>An invite just made: shown once, on the response of the POST that made it.</summary>
public sealed record ShownInvite(Member Member, string Code, string? Link, string? QrSvg, string Text);

/// <summary>Thành viên: /thanhvien's list for leaders and admins; admins make invites (as /moi) and add or
/// edit members, units and milestones (through the importer).</summary>
public sealed class IndexModel(IBotStore store, MemberInvites invites, WardEditor editor) : MemberPageModel
{
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public IReadOnlyList<Milestone> Milestones { get; private set; } = [];
    public string Heading { get; private set; } = "";
    public ShownInvite? Invite { get; private set; }
    public string? Problem { get; private set; }
    public string? Refusal { get; private set; }

    [TempData] public string? Done { get; set; }

    [BindProperty] public MemberForm? MemberEdit { get; set; }
    [BindProperty] public UnitForm? UnitEdit { get; set; }
    [BindProperty] public MilestoneForm? MilestoneEdit { get; set; }

    public bool IsAdmin => Viewer.Role == MemberRole.Admin;

    /// <summary>With ?sua=, ?donvi= or ?moc= (a code), that member, unit or milestone fills its form.</summary>
    public async Task<IActionResult> OnGetAsync(string? sua, string? donvi, string? moc, CancellationToken cancellationToken)
    {
        var shown = await ShowAsync(leadersAllowed: true, cancellationToken);
        if (Refusal is null && IsAdmin)
        {
            if (Members.FirstOrDefault(r => string.Equals(r.Member.Code, sua, StringComparison.OrdinalIgnoreCase))?.Member is { } m)
            {
                MemberEdit = new MemberForm(m.Code, m.Name, m.Title, string.Join(", ", m.Units), m.Role.ToString().ToLowerInvariant());
            }

            if (Units.FirstOrDefault(u => string.Equals(u.Code, donvi, StringComparison.OrdinalIgnoreCase)) is { } u)
            {
                UnitEdit = new UnitForm(u.Code, u.Name);
            }

            if (Milestones.FirstOrDefault(x => string.Equals(x.Code, moc, StringComparison.OrdinalIgnoreCase)) is { } x)
            {
                MilestoneEdit = new MilestoneForm(x.Code, x.Name, WardClock.Format(x.Date));
            }
        }

        return shown;
    }

    public async Task<IActionResult> OnPostInviteAsync(string? code, CancellationToken cancellationToken)
    {
        if (Viewer.Role != MemberRole.Admin)
        {
            return await ShowAsync(leadersAllowed: false, cancellationToken);
        }

        if (await store.FindMemberAsync(code ?? "", cancellationToken) is not { } member)
        {
            Problem = WebTexts.UnknownMemberCode(code);
            return await ShowAsync(leadersAllowed: false, cancellationToken);
        }

        var made = await invites.InviteAsync(member, cancellationToken);
        if (!made.Made || made.Code is null)
        {
            Problem = made.Text;
        }
        else
        {
            var link = made.Links is { Count: > 0 } links ? links[0] : null;
            Invite = new ShownInvite(member, made.Code, link, link is null ? null : InviteQr.Svg(link), made.Text);
            // The code is on this page only: no cache may keep it.
            Response.Headers.CacheControl = "no-store";
        }

        return await ShowAsync(leadersAllowed: false, cancellationToken);
    }

    public Task<IActionResult> OnPostMemberAsync(CancellationToken cancellationToken) =>
        SaveAsync(() => editor.SaveMemberAsync(MemberEdit ?? new MemberForm(null, null, null, null, null), Viewer.Code), cancellationToken);

    public Task<IActionResult> OnPostUnitAsync(CancellationToken cancellationToken) =>
        SaveAsync(() => editor.SaveUnitAsync(UnitEdit ?? new UnitForm(null, null), Viewer.Code), cancellationToken);

    public Task<IActionResult> OnPostMilestoneAsync(CancellationToken cancellationToken) =>
        SaveAsync(() => editor.SaveMilestoneAsync(MilestoneEdit ?? new MilestoneForm(null, null, null), Viewer.Code), cancellationToken);

    private async Task<IActionResult> SaveAsync(Func<Task<EditOutcome>> save, CancellationToken cancellationToken)
    {
        if (Viewer.Role != MemberRole.Admin)
        {
            return await ShowAsync(leadersAllowed: false, cancellationToken);
        }

        var outcome = await save();
        if (outcome.Saved)
        {
            Done = WebTexts.Saved;
            return RedirectToPage();
        }

        Problem = outcome.Problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await ShowAsync(leadersAllowed: false, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(bool leadersAllowed, CancellationToken cancellationToken)
    {
        var allowed = Viewer.Role == MemberRole.Admin || (leadersAllowed && Viewer.Role == MemberRole.Leader);
        if (!allowed)
        {
            Refusal = leadersAllowed ? WebTexts.MembersOnlyLeaders : WebTexts.OnlyAdmins;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        var members = MemberDirectory.InOrder(await store.GetMembersAsync(cancellationToken));
        Members = [.. members.Select(m => new MemberRow(m, MemberDirectory.StateOf(m), MemberTexts.Telegram(m), MemberTexts.Zalo(m)))];
        Heading = MemberTexts.ListHeading(members.Count, Members.Count(r => r.State == LinkState.Unreachable), Members.Count(r => r.State == LinkState.NeverLinked));
        Units = [.. (await store.GetUnitsAsync(cancellationToken)).OrderBy(u => u.Code, StringComparer.Ordinal)];
        Milestones = [.. (await store.GetMilestonesAsync(cancellationToken)).OrderBy(m => m.Date)];
        return Page();
    }
}
