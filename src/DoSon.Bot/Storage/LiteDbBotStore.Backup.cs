namespace DoSon.Bot.Storage;

internal sealed partial class LiteDbBotStore
{
    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => _path;

    /// <summary>A consistent copy of the live database. LiteDB 5 in direct mode keeps committed
    /// changes in a -log.db beside the file until a checkpoint; under the gate no other call can
    /// write, so after the checkpoint the data file alone holds every committed change.</summary>
    public void CopyDataFileTo(string destination)
    {
        lock (_gate)
        {
            _db.Checkpoint();
            using var source = new FileStream(DatabasePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var target = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            source.CopyTo(target);
            target.Flush(flushToDisk: true);
        }
    }
}
