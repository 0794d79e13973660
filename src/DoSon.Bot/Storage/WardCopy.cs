using DoSon.Bot.Hosting;
using DoSon.Bot.Storage.PostgreSql;
using Npgsql;

namespace DoSon.Bot.Storage;

/// <summary>Where `storage copy` writes: a LiteDB file that does not exist yet, or a PostgreSQL schema
/// that holds no ward.</summary>
internal sealed record WardCopyTarget(string Provider, string Connection, string Schema)
{
    public bool IsPostgreSql => string.Equals(Provider, StorageOptions.PostgreSql, StringComparison.OrdinalIgnoreCase);

    /// <summary>What the verb names: the file, or the server and schema (never the password).</summary>
    public string Describe()
    {
        if (!IsPostgreSql)
        {
            return Path.GetFullPath(Connection);
        }

        try
        {
            var b = new NpgsqlConnectionStringBuilder(Connection);
            return StorageTexts.PostgreSqlPlace(b.Port == NpgsqlConnection.DefaultPort ? $"{b.Host}" : $"{b.Host}:{b.Port}", Schema);
        }
        catch (ArgumentException)
        {
            return StorageTexts.PostgreSqlPlace("?", Schema);
        }
    }
}

/// <summary>Copies a whole ward into an empty store, all or nothing: the target is written in one
/// transaction (LiteDB: into a file beside the target, moved into place only once it verified), then
/// read back and compared with the source by counts per collection and a checksum of tasks and
/// history; a copy that fails or does not match is taken away again (the schema it created dropped,
/// or the tables it filled emptied; the temporary file deleted).</summary>
internal static class WardCopy
{
    public sealed record Outcome(int ExitCode, WardSnapshot? Copied);

    /// <param name="onTargetOpened">For tests: sees the target store once it is open (to make a copy fail in the middle).</param>
    public static async Task<Outcome> RunAsync(IWardTransfer source, string sourcePlace, WardCopyTarget target, TextWriter output,
        Action<IWardTransfer>? onTargetOpened = null, CancellationToken cancellationToken = default)
    {
        var snapshot = await source.ExportAsync(cancellationToken);
        var place = target.Describe();
        var copied = target.IsPostgreSql
            ? await IntoPostgreSqlAsync(snapshot, target, place, output, onTargetOpened, cancellationToken)
            : await IntoLiteDbAsync(snapshot, place, output, onTargetOpened, cancellationToken);
        if (copied is null)
        {
            return new(ExitCodes.Failed, null);
        }

        await output.WriteLineAsync(StorageTexts.Copied(sourcePlace, place));
        foreach (var (name, count) in copied.Counts())
        {
            await output.WriteLineAsync(StorageTexts.CopyCountLine(name, count));
        }

        await output.WriteLineAsync(StorageTexts.CopyChecksumLine(copied.Checksum()));
        await output.WriteLineAsync(StorageTexts.CopyLeftOut);
        await output.WriteLineAsync(target.IsPostgreSql ? StorageTexts.CopyNextPostgreSql(target.Schema) : StorageTexts.CopyNextLiteDb(place));
        return new(ExitCodes.Ok, copied);
    }

    private static bool Matches(WardSnapshot source, WardSnapshot copy) =>
        source.Counts().SequenceEqual(copy.Counts()) && source.Checksum() == copy.Checksum();

    private static async Task<WardSnapshot?> IntoPostgreSqlAsync(WardSnapshot snapshot, WardCopyTarget target, string place, TextWriter output,
        Action<IWardTransfer>? onTargetOpened, CancellationToken cancellationToken)
    {
        var use = new DatabaseUse { MayCreate = true };
        using var store = new PostgreSqlBotStore(target.Connection, target.Schema, use);
        store.EnsureOpen();
        if (!await store.IsEmptyForTransferAsync(cancellationToken))
        {
            await output.WriteLineAsync(StorageTexts.CopyTargetNotEmpty(place));
            return null;
        }

        onTargetOpened?.Invoke(store);
        string? failure = null;
        WardSnapshot? copy = null;
        try
        {
            await store.ImportAsync(snapshot, cancellationToken);
            copy = await store.ExportAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            failure = ex.Message;
        }

        if (failure is null && copy is not null && Matches(snapshot, copy))
        {
            return copy;
        }

        // The import was one transaction; what may be left is the schema this run created, or the rows of a copy that did not match.
        if (use.CreatedNew)
        {
            store.DiscardIfCreatedNew();
        }
        else if (failure is null)
        {
            await store.ClearTransferredAsync(cancellationToken);
        }

        await output.WriteLineAsync(failure is null ? StorageTexts.CopyNotVerified(place) : StorageTexts.CopyFailed(place, failure));
        return null;
    }

    private static async Task<WardSnapshot?> IntoLiteDbAsync(WardSnapshot snapshot, string path, TextWriter output,
        Action<IWardTransfer>? onTargetOpened, CancellationToken cancellationToken)
    {
        if (File.Exists(path) || Directory.Exists(path))
        {
            await output.WriteLineAsync(StorageTexts.CopyTargetFileExists(path));
            return null;
        }

        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(path)}.copying-{Guid.NewGuid():N}{Path.GetExtension(path)}");
        string? failure = null;
        WardSnapshot? copy = null;
        try
        {
            using (var store = new LiteDbBotStore(temporary, new DatabaseUse { MayCreate = true, Holder = "storage copy" }))
            {
                store.EnsureOpen();
                onTargetOpened?.Invoke(store);
                try
                {
                    await store.ImportAsync(snapshot, cancellationToken);
                    copy = await store.ExportAsync(cancellationToken);
                    store.Checkpoint();
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    failure = ex.Message;
                }
            }

            if (failure is null && copy is not null && Matches(snapshot, copy))
            {
                File.Move(temporary, path, overwrite: false);
                return copy;
            }
        }
        catch (IOException ex)
        {
            failure = ex.Message;
        }
        finally
        {
            File.Delete(temporary);
            File.Delete(DatabaseFileCopy.LogFileOf(temporary));
        }

        await output.WriteLineAsync(failure is null ? StorageTexts.CopyNotVerified(path) : StorageTexts.CopyFailed(path, failure));
        return null;
    }
}
