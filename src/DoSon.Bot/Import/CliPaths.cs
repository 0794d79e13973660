namespace DoSon.Bot.Import;

/// <summary>Where a relative path on the command line points. `dotnet run --project src/DoSon.Bot`
/// starts the program in the project folder, not in the folder the command was typed in; the
/// shell's PWD still names that folder, so paths are taken from there when it is set.</summary>
internal static class CliPaths
{
    public static string BaseDirectory =>
        Environment.GetEnvironmentVariable("PWD") is { } pwd && Path.IsPathRooted(pwd) && Directory.Exists(pwd)
            ? pwd
            : Directory.GetCurrentDirectory();

    /// <summary>An input file: where the command was typed, else the working directory, else beside
    /// the program (the build copies data/sample there).</summary>
    public static string ForReading(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        var candidates = new[] { BaseDirectory, Directory.GetCurrentDirectory(), AppContext.BaseDirectory }
            .Select(folder => Path.GetFullPath(path, folder));
        return candidates.FirstOrDefault(File.Exists) ?? Path.GetFullPath(path, BaseDirectory);
    }

    public static string ForWriting(string path) => Path.GetFullPath(path, BaseDirectory);
}
