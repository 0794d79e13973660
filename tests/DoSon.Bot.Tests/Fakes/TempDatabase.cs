using DoSon.Bot.Storage;

namespace DoSon.Bot.Tests.Fakes;

/// <summary>A LiteDB file of its own in the temp folder, deleted afterwards.</summary>
public sealed class TempDatabase : ITestWard
{
    public TempDatabase()
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "doson-bot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Path = System.IO.Path.Combine(Folder, "test.db");
    }

    public string Folder { get; }

    public string Path { get; }

    /// <summary>A store on this file, opened at once (the store otherwise opens on first use).</summary>
    IWardStore ITestWard.Open() => Open();

    internal LiteDbBotStore Open()
    {
        var store = new LiteDbBotStore(Path);
        store.EnsureOpen();
        return store;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a test that failed; the temp folder is cleaned by the OS.
        }
    }
}
