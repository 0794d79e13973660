using DoSon.Bot.Hosting;
using DoSon.Bot.Import;
using DoSon.Bot.Storage;
using DoSon.Bot.Tests.Fakes;
using DoSon.Bot.Tests.Import;
using FluentAssertions;
using LiteDB;

namespace DoSon.Bot.Tests.Hosting;

/// <summary>Issue 8, items 1 and 8: an existing file that is not a sound database is never
/// overwritten, a busy one is refused, and only the bot's start and `import` create one.</summary>
public sealed class GuardedDatabaseTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private string DbSetting => $"--Storage:DatabasePath={_db.Path}";

    private Task<ProgramRun.Outcome> Run(params string[] args) => ProgramRun.InProcess(_db.Folder, [.. args, DbSetting]);

    /// <summary>A real ward database, closed.</summary>
    private async Task<byte[]> WardFileAsync()
    {
        using (var store = _db.Open())
        {
            await WardData.SeedIntoAsync(store);
        }

        return File.ReadAllBytes(_db.Path);
    }

    public static TheoryData<string> DamagedFiles() => ["empty", "100 bytes", "random bytes", "header overwritten", "cut in half", "bytes flipped"];

    private async Task<byte[]> DamagedAsync(string kind)
    {
        var ward = await WardFileAsync();
        var bytes = kind switch
        {
            "empty" => [],
            "100 bytes" => ward[..100],
            "random bytes" => RandomBytes(3 * 8192),
            "header overwritten" => [.. new byte[8192], .. ward[8192..]],
            "cut in half" => ward[..(ward.Length / 2)],
            "bytes flipped" => Flipped(ward),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        File.WriteAllBytes(_db.Path, bytes);
        return bytes;
    }

    /// <summary>200 bytes after the header page inverted, at places fixed by the seed.</summary>
    private static byte[] Flipped(byte[] file)
    {
        var bytes = file.ToArray();
        var random = new Random(8);
        for (var i = 0; i < 200; i++)
        {
            bytes[random.Next(8192, bytes.Length)] ^= 0xFF;
        }

        return bytes;
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(8).NextBytes(bytes);
        return bytes;
    }

    private static void NoStackTrace(ProgramRun.Outcome outcome) =>
        outcome.All.Should().NotContain("   at ").And.NotContain("Exception");

    [Theory]
    [MemberData(nameof(DamagedFiles))]
    public async Task A_damaged_database_stops_the_bot_with_one_sentence_and_exit_3_and_is_left_byte_for_byte(string kind)
    {
        var before = await DamagedAsync(kind);

        var outcome = await Run("--Seed:File=" + Path.Combine(AppContext.BaseDirectory, "data", "sample", "thang-03-2026.json"));

        outcome.Code.Should().Be(ExitCodes.DatabaseDamaged);
        outcome.Error.Should().Contain(_db.Path).And.Contain("không ghi đè").And.Contain("restore");
        outcome.Error.TrimEnd().Split('\n').Should().ContainSingle();
        NoStackTrace(outcome);
        File.ReadAllBytes(_db.Path).Should().Equal(before);
    }

    [Theory]
    [InlineData("export", "xuat.json")]
    [InlineData("import", "giao-viec.json")]
    [InlineData("report", "03/2026")]
    [InlineData("members", "invite", "CVP")]
    public async Task Every_verb_refuses_an_empty_database_and_leaves_it_empty(params string[] args)
    {
        AssignmentJson.Write(SmallWard.File(), Path.Combine(_db.Folder, "giao-viec.json"));
        File.WriteAllBytes(_db.Path, []);

        var outcome = await Run([.. args.Select(a => a.EndsWith(".json", StringComparison.Ordinal) ? Path.Combine(_db.Folder, a) : a)]);

        outcome.Code.Should().Be(ExitCodes.DatabaseDamaged);
        outcome.Error.Should().Be(StorageTexts.Refused(DatabaseFileState.Empty, _db.Path, null, new DoSon.Bot.Backups.BackupOptions()) + Environment.NewLine);
        new FileInfo(_db.Path).Length.Should().Be(0);
        File.Exists(Path.Combine(_db.Folder, "xuat.json")).Should().BeFalse();
    }

    [Fact]
    public async Task The_refusal_names_the_latest_backup_and_the_restore_command()
    {
        var backups = Directory.CreateDirectory(Path.Combine(_db.Folder, "backups"));
        var older = Path.Combine(backups.FullName, "doson-bot-2026-03-06.db");
        var latest = Path.Combine(backups.FullName, "doson-bot-2026-03-07.db");
        File.WriteAllBytes(older, [1]);
        File.WriteAllBytes(latest, [2]);
        File.SetLastWriteTimeUtc(older, new DateTime(2026, 3, 6, 0, 0, 0, DateTimeKind.Utc));
        File.SetLastWriteTimeUtc(latest, new DateTime(2026, 3, 7, 0, 0, 0, DateTimeKind.Utc));
        await DamagedAsync("100 bytes");

        var outcome = await Run();

        outcome.Error.Should().Contain("chỉ có 100 byte").And.Contain($"bản sao lưu mới nhất là {latest}, khôi phục bằng lệnh: {ProgramName.DotnetRun} restore {latest}");
    }

    [Fact]
    public async Task A_database_from_a_newer_version_is_refused_with_exit_3_and_left_unchanged()
    {
        using (var raw = new LiteDatabase(new ConnectionString { Filename = _db.Path }, new BsonMapper()))
        {
            raw.UserVersion = LiteDbBotStore.SchemaVersion + 1;
        }

        var before = File.ReadAllBytes(_db.Path);

        var outcome = await Run("export", Path.Combine(_db.Folder, "xuat.json"));

        outcome.Code.Should().Be(ExitCodes.DatabaseDamaged);
        outcome.Error.Should().Contain($"phiên bản lược đồ {LiteDbBotStore.SchemaVersion + 1}").And.Contain("bản DoSon.Bot mới hơn");
        File.ReadAllBytes(_db.Path).Should().Equal(before);
    }

    [Fact]
    public async Task A_database_path_that_is_a_folder_is_refused_with_exit_4()
    {
        Directory.CreateDirectory(_db.Path);

        var outcome = await Run();

        outcome.Code.Should().Be(ExitCodes.DatabaseUnavailable);
        outcome.Error.Should().Be(StorageTexts.Refused(DatabaseFileState.IsDirectory, _db.Path, null, new DoSon.Bot.Backups.BackupOptions()) + Environment.NewLine);
    }

    [Fact]
    public async Task A_database_path_under_a_file_is_refused_with_exit_4()
    {
        var file = Path.Combine(_db.Folder, "tep");
        File.WriteAllText(file, "không phải thư mục");

        var outcome = await ProgramRun.InProcess(_db.Folder, $"--Storage:DatabasePath={Path.Combine(file, "doson-bot.db")}");

        outcome.Code.Should().Be(ExitCodes.DatabaseUnavailable);
        outcome.Error.Should().Contain($"vì {file} là một tệp").And.Contain("Storage:DatabasePath");
        File.ReadAllText(file).Should().Be("không phải thư mục");
    }

    [Theory]
    [InlineData("export", "xuat.json")]
    [InlineData("report", "03/2026")]
    [InlineData("members", "invite", "CVP")]
    public async Task A_verb_that_reads_the_ward_never_creates_a_database(params string[] args)
    {
        var elsewhere = Path.Combine(_db.Folder, "khac", "data", "doson-bot.db");

        var outcome = await ProgramRun.InProcess(_db.Folder, [.. args, $"--Storage:DatabasePath={elsewhere}"]);

        outcome.Code.Should().Be(ExitCodes.DatabaseUnavailable);
        outcome.Error.Should().Be(StorageTexts.Refused(DatabaseFileState.Missing, elsewhere, null, new DoSon.Bot.Backups.BackupOptions()) + Environment.NewLine);
        outcome.Error.Should().Contain(elsewhere).And.Contain("Storage:DatabasePath");
        Directory.Exists(Path.Combine(_db.Folder, "khac")).Should().BeFalse();
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    [InlineData("template", "mau.xlsx")]
    [InlineData("notice", "parse", "khong-co.docx", "--out", "nhap.xlsx")]
    public async Task Help_template_and_notice_parse_do_not_open_the_database(params string[] args)
    {
        var elsewhere = Path.Combine(_db.Folder, "khac", "doson-bot.db");

        var outcome = await ProgramRun.InProcess(_db.Folder, [.. args.Select(a => a.Contains('.') ? Path.Combine(_db.Folder, a) : a), $"--Storage:DatabasePath={elsewhere}"]);

        outcome.All.Should().NotContain(elsewhere);
        Directory.Exists(Path.Combine(_db.Folder, "khac")).Should().BeFalse();
    }

    [Fact]
    public async Task Import_creates_a_missing_database_and_says_so_with_its_full_path_then_names_it_each_time()
    {
        var ward = Path.Combine(_db.Folder, "giao-viec.json");
        AssignmentJson.Write(SmallWard.File(), ward);

        var first = await Run("import", ward);
        var second = await Run("import", ward, "--dry-run");

        first.Code.Should().Be(0);
        first.Output.Should().StartWith(StorageTexts.CreatedNew(_db.Path) + Environment.NewLine);
        second.Code.Should().Be(0);
        second.Output.Should().StartWith(StorageTexts.Using(_db.Path) + Environment.NewLine);
    }

    [Fact]
    public void The_bot_names_the_database_it_uses_and_creates_only_a_missing_one()
    {
        var said = new StringWriter();
        var use = new DatabaseUse();
        DoSonBotHostingExtensions.DecideDatabaseUse(use, verb: null, said);

        using (var store = new LiteDbBotStore(_db.Path, use))
        {
            store.EnsureOpen();
        }

        var again = new DatabaseUse();
        DoSonBotHostingExtensions.DecideDatabaseUse(again, verb: null, said);
        using (var store = new LiteDbBotStore(_db.Path, again))
        {
            store.EnsureOpen();
        }

        use.CreatedNew.Should().BeTrue();
        again.CreatedNew.Should().BeFalse();
        said.ToString().Should().Be(StorageTexts.CreatedNew(_db.Path) + Environment.NewLine + StorageTexts.Using(_db.Path) + Environment.NewLine);
    }

    [Fact]
    public async Task An_existing_database_without_tasks_is_not_filled_with_the_sample()
    {
        using (_db.Open())
        {
        }

        using var store = new LiteDbBotStore(_db.Path);
        var seeder = new DatabaseSeeder(
            store,
            store.Use,
            new AssignmentImporter(store, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(ProgramRun.Now)),
            Microsoft.Extensions.Options.Options.Create(new SeedOptions { File = Path.Combine(AppContext.BaseDirectory, "data", "sample", "thang-03-2026.json") }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<DatabaseSeeder>.Instance);

        await seeder.StartAsync(CancellationToken.None);

        (await store.IsEmptyAsync()).Should().BeTrue();
    }

    [Fact]
    public async Task As_a_real_process_a_seed_file_that_cannot_be_loaded_is_one_sentence_with_exit_2_before_the_bot_starts()
    {
        var outcome = await ProgramRun.AsProcess(_db.Folder, "--Seed:File=" + Path.Combine(_db.Folder, "khong-co.json"), DbSetting);

        outcome.Code.Should().Be(ExitCodes.Usage);
        outcome.Output.Should().Be(StorageTexts.CreatedNew(_db.Path) + Environment.NewLine);
        outcome.Error.Should().StartWith("Không nạp được dữ liệu mẫu (Seed:File):").And.Contain("khong-co.json");
        NoStackTrace(outcome);
        File.Exists(_db.Path).Should().BeFalse("the file this start created is removed, so the next start creates and seeds it again");
    }

    [Theory]
    [InlineData]
    [InlineData("import", "giao-viec.json", "--dry-run")]
    [InlineData("export", "xuat.json")]
    [InlineData("report", "03/2026")]
    public async Task A_database_in_use_is_refused_with_who_holds_it_and_exit_1(params string[] args)
    {
        AssignmentJson.Write(SmallWard.File(), Path.Combine(_db.Folder, "giao-viec.json"));
        var before = await WardFileAsync();
        using var running = DatabaseLock.Acquire(_db.Path, HostingTexts.BotHolder);

        var outcome = await Run([.. args.Select(a => a.EndsWith(".json", StringComparison.Ordinal) ? Path.Combine(_db.Folder, a) : a)]);

        outcome.Code.Should().Be(ExitCodes.Failed);
        outcome.Error.Should().Be(StorageTexts.InUse(_db.Path, $"{Environment.ProcessId} {HostingTexts.BotHolder}") + Environment.NewLine);
        outcome.Error.Should().Contain($"tiến trình {Environment.ProcessId}, bot đang chạy");
        File.ReadAllBytes(_db.Path).Should().Equal(before);
    }

    [Theory]
    [InlineData("members", "invite", "CVP")]
    [InlineData("members", "list")]
    public async Task The_members_verbs_refused_while_the_bot_runs_point_to_the_chat_commands(params string[] args)
    {
        var before = await WardFileAsync();
        using var running = DatabaseLock.Acquire(_db.Path, HostingTexts.BotHolder);

        var outcome = await Run(args);

        outcome.Code.Should().Be(ExitCodes.Failed);
        outcome.Error.Should().Be(StorageTexts.InUse(_db.Path, $"{Environment.ProcessId} {HostingTexts.BotHolder}") + "\n"
            + DoSon.Bot.Channels.Members.MemberTexts.UseChatInstead + Environment.NewLine);
        outcome.Error.Should().Contain("/moi <mã thành viên>").And.Contain("/thanhvien");
        File.ReadAllBytes(_db.Path).Should().Equal(before);
    }

    [Fact]
    public async Task Template_works_while_the_bot_holds_the_database()
    {
        using (_db.Open())
        {
        }

        using var running = DatabaseLock.Acquire(_db.Path, HostingTexts.BotHolder);

        var outcome = await Run("template", Path.Combine(_db.Folder, "mau.xlsx"));

        outcome.Code.Should().Be(0);
    }

    [Fact]
    public async Task As_a_real_process_an_empty_database_prints_one_line_and_exits_3()
    {
        File.WriteAllBytes(_db.Path, []);

        var outcome = await ProgramRun.AsProcess(_db.Folder, DbSetting);

        outcome.Code.Should().Be(ExitCodes.DatabaseDamaged);
        outcome.Output.Should().BeEmpty();
        // The process was started as `dotnet …/DoSon.Bot.dll`, and its hint says so.
        var published = "dotnet " + Path.Combine(AppContext.BaseDirectory, "DoSon.Bot.dll");
        outcome.Error.Should().Be(StorageTexts.Refused(DatabaseFileState.Empty, _db.Path, null, new DoSon.Bot.Backups.BackupOptions())
            .Replace(ProgramName.DotnetRun, published, StringComparison.Ordinal) + Environment.NewLine);
        outcome.Error.Should().Contain(published + " restore <tệp>");
        new FileInfo(_db.Path).Length.Should().Be(0);
    }

    [Fact]
    public async Task As_a_real_process_a_second_program_on_a_busy_database_prints_one_line_and_exits_1()
    {
        AssignmentJson.Write(SmallWard.File(), Path.Combine(_db.Folder, "giao-viec.json"));
        var before = await WardFileAsync();
        using var running = DatabaseLock.Acquire(_db.Path, HostingTexts.BotHolder);

        var outcome = await ProgramRun.AsProcess(_db.Folder, "import", "giao-viec.json", "--dry-run", DbSetting);

        outcome.Code.Should().Be(ExitCodes.Failed);
        outcome.Output.Should().BeEmpty();
        // A published program (started as `dotnet …/DoSon.Bot.dll`) is stopped as a service, not with Ctrl+C.
        outcome.Error.Should().Be(StorageTexts.InUse(_db.Path, $"{Environment.ProcessId} {HostingTexts.BotHolder}")
            .Replace(ProgramName.HowToStopTheBot, "ví dụ sudo systemctl stop doson-bot", StringComparison.Ordinal) + Environment.NewLine);
        File.ReadAllBytes(_db.Path).Should().Equal(before);
    }
}
