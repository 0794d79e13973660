namespace DoSon.Bot.Hosting;

/// <summary>The command a person typed to start this program, as every hint and usage line names it:
/// <c>dotnet run --project src/DoSon.Bot --</c> from the source tree, the full path of the
/// executable (<c>/opt/doson-bot/DoSon.Bot</c>) for a published build started through it,
/// <c>dotnet /opt/doson-bot/DoSon.Bot.dll</c> when started through dotnet, and the <c>docker run</c> line inside the container. Set once at start
/// (Program.cs) from <see cref="Detect"/>; tests keep the default.</summary>
public static class ProgramName
{
    public const string DotnetRun = "dotnet run --project src/DoSon.Bot --";

    public const string Published = "DoSon.Bot";

    public const string Docker = "docker run --rm -v doson-bot-data:/data doson-bot";

    private const string ProjectFile = "DoSon.Bot.csproj";

    public static string Invocation { get; set; } = DotnetRun;

    /// <summary>How the running bot is stopped where this program runs: Ctrl+C in its terminal under
    /// <c>dotnet run</c>, the container in Docker, the service otherwise.</summary>
    public static string HowToStopTheBot => Invocation switch
    {
        DotnetRun => "bấm Ctrl+C ở cửa sổ đang chạy bot",
        Docker => "ví dụ docker stop doson-bot",
        _ => "ví dụ sudo systemctl stop doson-bot",
    };

    /// <summary>The command line to type for <paramref name="verbAndArguments"/>, e.g. "import x.xlsx --dry-run".</summary>
    public static string Command(string verbAndArguments) => $"{Invocation} {verbAndArguments}";

    /// <summary>How this process was started. <paramref name="baseDirectory"/> is the folder holding
    /// DoSon.Bot.dll; when it is <c>bin/&lt;configuration&gt;/&lt;tfm&gt;</c> (or deeper, e.g. a runtime
    /// identifier) of a folder that holds DoSon.Bot.csproj, the program runs from its source tree, which
    /// is how <c>dotnet run</c> starts it. Otherwise it is published: through the dotnet host when the
    /// process is dotnet itself, else through its own executable.</summary>
    public static string Detect(string? processPath, string baseDirectory, bool inContainer, Func<string, bool> fileExists)
    {
        var folder = new DirectoryInfo(Path.TrimEndingDirectorySeparator(baseDirectory));
        for (var up = folder; up is not null && up != folder.Root; up = up.Parent)
        {
            if (string.Equals(up.Name, "bin", StringComparison.Ordinal))
            {
                if (up.Parent is { } project && fileExists(Path.Combine(project.FullName, ProjectFile)))
                {
                    return DotnetRun;
                }

                break;
            }
        }

        if (inContainer)
        {
            return Docker;
        }

        var process = Path.GetFileNameWithoutExtension(processPath ?? string.Empty);
        if (string.Equals(process, "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return "dotnet " + Quoted(Path.Combine(folder.FullName, "DoSon.Bot.dll"));
        }

        return string.IsNullOrEmpty(processPath) ? Published : Quoted(processPath);
    }

    private static string Quoted(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;

    /// <summary><see cref="Detect"/> for this process.</summary>
    public static string DetectCurrent() => Detect(
        Environment.ProcessPath,
        AppContext.BaseDirectory,
        string.Equals(Environment.GetEnvironmentVariable("DOTNET_RUNNING_IN_CONTAINER"), "true", StringComparison.OrdinalIgnoreCase),
        File.Exists);
}
