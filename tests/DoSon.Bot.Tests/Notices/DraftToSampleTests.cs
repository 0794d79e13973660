using DoSon.Bot.Import;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Notices;

/// <summary>The sample month is what the office gets from the March notice's draft plus its own
/// choices (people, a few units and deadlines): the draft's tasks are the sample's tasks.</summary>
public class DraftToSampleTests
{
    private static readonly AssignmentFile Sample =
        AssignmentJson.Read(Path.Combine(AppContext.BaseDirectory, "data", "sample", "thang-03-2026.json"));

    private static readonly AssignmentFile Draft = NoticeFixtures.Draft(NoticeFixtures.MarchFile).File;

    [Fact]
    public void The_draft_has_the_samples_tasks_with_the_same_codes_sections_and_text()
    {
        Draft.Tasks!.Select(t => (t.Code, t.Section)).Should().Equal(Sample.Tasks!.Select(t => (t.Code, t.Section)));
        foreach (var (draft, sample) in Draft.Tasks!.Zip(Sample.Tasks!))
        {
            Normalize(draft.Description).Should().Be(Normalize(sample.Description), "task {0} is the same paragraph of the notice", draft.Code);
        }
    }

    [Fact]
    public void The_drafts_milestones_are_the_samples()
    {
        Draft.Milestones!.Select(m => (m.Code, m.Date)).Should().BeSubsetOf(Sample.Milestones!.Select(m => (m.Code, m.Date)));
        Draft.Milestones!.Select(m => m.Code).Should().Contain(["QTPN", "BAUCU", "DOANTN", "THETHAO"]);
    }

    [Fact]
    public async Task The_reviewed_draft_imports_over_the_sample_without_creating_tasks()
    {
        using var db = new TempDatabase();
        using var store = db.Open();
        var importer = new AssignmentImporter(store, TimeProvider.System);
        var samplePath = Path.Combine(AppContext.BaseDirectory, "data", "sample", "thang-03-2026.json");
        (await importer.ImportAsync(samplePath, dryRun: false, "test")).Succeeded.Should().BeTrue();
        var draftPath = Path.Combine(db.Folder, "ban-nhap.json");
        AssignmentJson.Write(Draft, draftPath);

        var outcome = await importer.ImportAsync(draftPath, dryRun: true, "test");

        outcome.Errors.Should().BeEmpty();
        outcome.Plan!.Tasks.Should().OnlyContain(c => c.Kind != ChangeKind.Created, "the draft's codes are the sample's");
    }

    private static string Normalize(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
