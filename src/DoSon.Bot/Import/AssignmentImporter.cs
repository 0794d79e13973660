using DoSon.Bot.Storage;

namespace DoSon.Bot.Import;

/// <summary>Where in a file an error is: the file, the row (Excel: sheet and row number; JSON: the
/// path such as tasks[3]) and the field.</summary>
public sealed record ImportError(string File, string Where, string? Field, string Message)
{
    public override string ToString() =>
        Field is null ? $"{File}, {Where}: {Message}" : $"{File}, {Where}, trường «{Field}»: {Message}";
}

public sealed record ImportOutcome(ImportPlan? Plan, IReadOnlyList<ImportError> Errors, bool Applied)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Reads an assignment file (JSON or .xlsx), checks every row, plans the changes against
/// the database and, unless it is a dry run, writes them all in one transaction.</summary>
public sealed class AssignmentImporter(IBotStore store, TimeProvider time)
{
    public ImportOutcome Import(string path, bool dryRun, string byMember)
    {
        _ = store;
        _ = time;
        _ = dryRun;
        _ = byMember;
        throw new NotImplementedException("Import is built on the import branch: " + path);
    }
}
