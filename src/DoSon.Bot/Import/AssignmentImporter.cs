using DoSon.Bot.Storage;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Import;

/// <summary>Where in a file an error is: the file, the row (Excel: sheet and row number; JSON: the
/// path such as tasks[3]) and the field.</summary>
public sealed record ImportError(string File, string Where, string? Field, string Message)
{
    /// <summary>Section and item (JSON index or Excel row) the error is about, so that the errors
    /// of one file are listed in the order of the file; whole-file errors come first.</summary>
    internal (int Section, int Item) Order { get; init; } = (-1, -1);

    public override string ToString() =>
        Field is null ? $"{File}, {Where}: {Message}" : $"{File}, {Where}, trường «{Field}»: {Message}";
}

public sealed record ImportOutcome(ImportPlan? Plan, IReadOnlyList<ImportError> Errors, bool Applied)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Reads an assignment file (JSON or .xlsx), checks every row, plans the changes against
/// the database and, unless it is a dry run, writes them all in one transaction.</summary>
public sealed class AssignmentImporter(IBotStore store, TimeProvider time, IEnumerable<IBeforeImport> beforeImport, IOptions<ImportOptions>? options = null)
{
    public AssignmentImporter(IBotStore store, TimeProvider time, IOptions<ImportOptions>? options = null)
        : this(store, time, [], options)
    {
    }

    /// <summary>The limits (section Import) every file is held to; the defaults when none are given.</summary>
    public ImportOptions Limits { get; } = options?.Value ?? new ImportOptions();

    /// <summary>The same import for content that did not come from a file of ours (a file sent in a
    /// chat or uploaded on the web console, a stored draft): the importer names the file in every
    /// error, so the content is put in a folder of its own under <paramref name="fileName"/> and the
    /// folder is removed afterwards.</summary>
    public async Task<ImportOutcome> ImportContentAsync(string fileName, byte[] content, bool dryRun, string byMember)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "doson-bot", "import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var path = System.IO.Path.Combine(folder, System.IO.Path.GetFileName(fileName));
            await File.WriteAllBytesAsync(path, content);
            return await ImportAsync(path, dryRun, byMember);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the system's temp cleaning; nothing depends on it.
            }
        }
    }

    /// <summary>Applied is true when the run was not a dry run and the database now holds the file's
    /// content (also when nothing had to change).</summary>
    public async Task<ImportOutcome> ImportAsync(string path, bool dryRun, string byMember)
    {
        var read = AssignmentReader.Read(path, Limits);
        if (read.File is null)
        {
            return new(null, [.. read.Errors], false);
        }

        return await ImportAsync(read.File, read.Layout, read.Errors, dryRun, byMember);
    }

    /// <summary>The same for a file built in memory (the web console's task form: a file with one
    /// task), checked, planned and written exactly as a file from disk, so that a task edited there
    /// gets the same checks, history entries ("cập nhật hạn: old → new") and re-planned reminders.
    /// Errors name the fields by their JSON names (<c>tasks[0]</c>, <c>due</c>).</summary>
    public Task<ImportOutcome> ImportAsync(AssignmentFile file, string fileName, bool dryRun, string byMember) =>
        ImportAsync(file, new JsonLayout(fileName), [], dryRun, byMember);

    private async Task<ImportOutcome> ImportAsync(AssignmentFile file, IFileLayout layout, IReadOnlyList<ImportError> readErrors, bool dryRun, string byMember)
    {
        var errors = new List<ImportError>(readErrors);
        var current = await StoreSnapshot.OfAsync(store);
        var set = AssignmentValidator.Validate(file, current, layout, errors);
        if (errors.Count > 0)
        {
            return new(null, [.. errors.OrderBy(e => e.Order)], false);
        }

        var plan = ImportPlanner.Plan(current, set);
        if (dryRun)
        {
            return new(plan, [], false);
        }

        // Re-importing the same file writes nothing, so that no history entry or re-plan of
        // reminders comes from a file that changed nothing.
        if (plan.HasChanges || ImportPlanner.SourceChanges(current, plan.Source))
        {
            // A database that already holds a ward is copied first, so a wrong file can be undone
            // with `restore`; a new, empty one (the seed) has nothing to lose.
            if (!await store.IsEmptyAsync())
            {
                try
                {
                    foreach (var step in beforeImport)
                    {
                        await step.BeforeImportAsync();
                    }
                }
                catch (Hosting.ExpectedFailureException ex)
                {
                    return new(null, [new ImportError(layout.FileName, ImportTexts.WholeFile, null, ex.Message)], false);
                }
            }

            await store.ApplyImportAsync(plan, byMember, time.GetUtcNow());
        }

        return new(plan, [], true);
    }
}
