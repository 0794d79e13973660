namespace DoSon.Bot.Cli;

/// <summary>Where a relative path on the command line points: the folder the command was typed in
/// (the csproj keeps it as the working directory under `dotnet run`).</summary>
internal static class CliPaths
{
    public static string BaseDirectory => Directory.GetCurrentDirectory();

    /// <summary>An input file: where the command was typed, else beside
    /// the program (the build copies data/sample there).</summary>
    public static string ForReading(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        var candidates = new[] { BaseDirectory, AppContext.BaseDirectory }
            .Select(folder => Path.GetFullPath(path, folder));
        return candidates.FirstOrDefault(File.Exists) ?? Path.GetFullPath(path, BaseDirectory);
    }

    public static string ForWriting(string path) => Path.GetFullPath(path, BaseDirectory);
}
