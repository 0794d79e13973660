namespace DoSon.Bot.Tests.Docs;

/// <summary>The repository the tests were built from (the folder holding DoSon.Bot.sln).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DoSon.Bot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("DoSon.Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
