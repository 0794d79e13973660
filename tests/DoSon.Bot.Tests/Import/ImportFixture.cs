using System.Text.Json;
using DoSon.Bot.Import;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Tests.Import;

/// <summary>A database of its own, an importer on it, and a folder for the files a test writes.</summary>
internal sealed class ImportFixture : IDisposable
{
    private readonly TempDatabase _db = new();

    public ImportFixture()
    {
        Store = _db.Open();
        Importer = new AssignmentImporter(Store, Time);
    }

    public static DateTimeOffset Start { get; } = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Start);

    public LiteDbBotStore Store { get; }

    public AssignmentImporter Importer { get; }

    public string Folder => _db.Folder;

    public string PathOf(string name) => Path.Combine(Folder, name);

    public string WriteText(string name, string text)
    {
        var path = PathOf(name);
        File.WriteAllText(path, text);
        return path;
    }

    public string WriteJson(string name, AssignmentFile file) => WriteText(name, AssignmentJson.Serialize(file));

    public string WriteWorkbook(string name, AssignmentFile file)
    {
        var path = PathOf(name);
        AssignmentWorkbook.Write(file, path);
        return path;
    }

    public async Task<ImportOutcome> ImportAsync(string path, bool dryRun = false) => await Importer.ImportAsync(path, dryRun, "CVP");

    /// <summary>Imports and fails the test at once if the file has errors.</summary>
    public async Task<ImportPlan> ImportOkAsync(string path, bool dryRun = false)
    {
        var outcome = await ImportAsync(path, dryRun);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException("Import failed:\n" + string.Join("\n", outcome.Errors));
        }

        return outcome.Plan!;
    }

    /// <summary>Everything the store holds, history included, as one text to compare before and after.</summary>
    public async Task<string> DumpAsync() => JsonSerializer.Serialize(new
    {
        Units = await Store.GetUnitsAsync(),
        Members = await Store.GetMembersAsync(),
        Milestones = await Store.GetMilestonesAsync(),
        Sources = await Store.GetSourcesAsync(),
        Tasks = await Store.GetTasksAsync(),
        History = await HistoriesAsync(),
    });

    private async Task<Dictionary<string, IReadOnlyList<DoSon.Bot.Domain.ProgressReport>>> HistoriesAsync()
    {
        var histories = new Dictionary<string, IReadOnlyList<DoSon.Bot.Domain.ProgressReport>>();
        foreach (var task in await Store.GetTasksAsync())
        {
            histories.Add(task.Code, await Store.GetHistoryAsync(task.Code));
        }

        return histories;
    }

    public void Dispose()
    {
        Store.Dispose();
        _db.Dispose();
    }
}

/// <summary>A small valid assignment file, written in code so that each test changes one thing.</summary>
internal static class SmallWard
{
    public static AssignmentFile File() => new()
    {
        Source = new SourceDto { Number = "TB-T/2026", Date = "27/02/2026", Title = "Thông báo kết luận thử" },
        Units =
        [
            new UnitDto { Code = "UBND", Name = "Ủy ban nhân dân phường" },
            new UnitDto { Code = "CAP", Name = "Công an phường" },
        ],
        Members =
        [
            new MemberDto { Code = "CVP", Name = "Đ/c Chánh Văn phòng", Title = "Chánh Văn phòng Đảng ủy", Units = ["UBND"], Role = "admin" },
            new MemberDto { Code = "CT-UBND", Name = "Đ/c Chủ tịch UBND", Title = "Chủ tịch UBND phường", Units = ["UBND"], Role = "leader" },
            new MemberDto { Code = "CB-DC", Name = "Đ/c Công chức Địa chính", Title = "Công chức Địa chính - Xây dựng", Units = ["UBND"], Role = "member" },
        ],
        Milestones = [new MilestoneDto { Code = "BAUCU", Name = "Ngày bầu cử", Date = "15/03/2026" }],
        Tasks =
        [
            new TaskDto
            {
                Code = "T1", Title = "Cấp giấy chứng nhận quyền sử dụng đất", Description = "Nội dung đầy đủ của nhiệm vụ một.",
                Section = "2.2.2", LeadUnit = "UBND", Assignees = ["CB-DC"], Due = "10/03/2026",
            },
            new TaskDto
            {
                Code = "T2", Title = "Bảo đảm an ninh ngày bầu cử", Section = "2.2.5", LeadUnit = "CAP", SupportUnits = ["UBND"],
                Due = "15/03/2026 17:00", Milestone = "BAUCU",
            },
        ],
    };
}
