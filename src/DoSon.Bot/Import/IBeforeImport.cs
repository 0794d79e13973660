namespace DoSon.Bot.Import;

/// <summary>What must happen before an import writes to a database that already holds a ward (a
/// backup). Throwing an ExpectedFailureException stops the import with its sentence; nothing is written.</summary>
public interface IBeforeImport
{
    Task BeforeImportAsync();
}
