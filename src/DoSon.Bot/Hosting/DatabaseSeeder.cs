using DoSon.Bot.Import;
using DoSon.Bot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Hosting;

/// <summary>Fills a database this start has just created from Seed:File, so a fresh clone has the
/// March 2026 sample to chat about. Only a new file: an existing one, even empty of tasks, is the
/// ward's and is never filled with the sample. Registered first so that everything after it starts
/// on seeded data.</summary>
public sealed class DatabaseSeeder(
    IBotStore store,
    DatabaseUse use,
    AssignmentImporter importer,
    IOptions<SeedOptions> options,
    ILogger<DatabaseSeeder> logger) : IHostedService
{
    public const string SeedMember = "seed";

    private bool _done;

    /// <summary>Run by the top level before the host starts, so that a seed file that cannot be
    /// loaded is one sentence rather than the host's logged stack trace; as a hosted service it then
    /// does nothing more.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var file = options.Value.File;
        // IsEmpty opens the file first, which is what sets CreatedNew.
        if (_done || string.IsNullOrWhiteSpace(file) || !await store.IsEmptyAsync(cancellationToken) || !use.CreatedNew)
        {
            return;
        }

        _done = true;

        var path = ResolveSeedPath(file, Directory.GetCurrentDirectory());
        var outcome = await importer.ImportAsync(path, dryRun: false, SeedMember);
        if (!outcome.Succeeded)
        {
            throw new ExpectedFailureException(
                "Không nạp được dữ liệu mẫu (Seed:File):\n" + string.Join("\n", outcome.Errors), ExitCodes.Usage);
        }

        logger.LogInformation("Đã nạp dữ liệu mẫu từ {File}: {Tasks} nhiệm vụ.", path, outcome.Plan?.Tasks.Count ?? 0);
        return;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A relative seed path is looked up in the working directory first, then beside the
    /// program, where the build copies data/sample.</summary>
    public static string ResolveSeedPath(string file, string workingDirectory)
    {
        if (Path.IsPathRooted(file))
        {
            return file;
        }

        var fromRoot = Path.Combine(workingDirectory, file);
        if (File.Exists(fromRoot))
        {
            return fromRoot;
        }

        var beside = Path.Combine(AppContext.BaseDirectory, file);
        return File.Exists(beside) ? beside : fromRoot;
    }
}
