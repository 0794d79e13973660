using DoSon.Bot.Import;

namespace DoSon.Bot.Web.Members;

/// <summary>A member, unit or milestone as the admin typed it on the page; empty fields are null.</summary>
public sealed record MemberForm(string? Code, string? Name, string? Title, string? Units, string? Role);

public sealed record UnitForm(string? Code, string? Name);

public sealed record MilestoneForm(string? Code, string? Name, string? Date);

/// <summary>What an edit came to: null when it was saved, else one sentence naming the field.</summary>
public sealed record EditOutcome(string? Problem)
{
    public bool Saved => Problem is null;
}

/// <summary>Adds and edits members, units and milestones from the Thành viên page through the
/// assignment importer, with a file of that one item: the same checks, the same backup first, the same
/// history and re-planning of reminders as an imported file. The importer only adds and updates what a
/// file names, so a one-item file touches nothing else.</summary>
public sealed class WardEditor(AssignmentImporter importer)
{
    public Task<EditOutcome> SaveMemberAsync(MemberForm form, string byMember) =>
        ImportAsync(new AssignmentFile
        {
            Members =
            [
                new MemberDto
                {
                    Code = Trimmed(form.Code),
                    Name = Trimmed(form.Name),
                    Title = Trimmed(form.Title),
                    Units = [.. (form.Units ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                    Role = Trimmed(form.Role),
                },
            ],
        }, byMember, WebTexts.MemberFieldLabel);

    public Task<EditOutcome> SaveUnitAsync(UnitForm form, string byMember) =>
        ImportAsync(new AssignmentFile { Units = [new UnitDto { Code = Trimmed(form.Code), Name = Trimmed(form.Name) }] }, byMember, WebTexts.UnitFieldLabel);

    public Task<EditOutcome> SaveMilestoneAsync(MilestoneForm form, string byMember) =>
        ImportAsync(new AssignmentFile { Milestones = [new MilestoneDto { Code = Trimmed(form.Code), Name = Trimmed(form.Name), Date = Trimmed(form.Date) }] }, byMember, WebTexts.MilestoneFieldLabel);

    private async Task<EditOutcome> ImportAsync(AssignmentFile file, string byMember, Func<string?, string> label)
    {
        var folder = Directory.CreateTempSubdirectory("doson-web-");
        try
        {
            var path = Path.Combine(folder.FullName, "trang-quan-tri.json");
            AssignmentJson.Write(file, path);
            var outcome = await importer.ImportAsync(path, dryRun: false, byMember);
            return outcome.Errors.Count == 0
                ? new EditOutcome(null)
                : new EditOutcome(WebTexts.FieldProblem(label(outcome.Errors[0].Field), outcome.Errors[0].Message));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
