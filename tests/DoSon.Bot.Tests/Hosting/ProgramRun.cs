using System.Diagnostics;
using DoSon.Bot.Cli;
using DoSon.Bot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace DoSon.Bot.Tests.Hosting;

/// <summary>The program's top level (RunDoSonBotAsync) as Program.cs calls it, with the terminal
/// captured: in process for speed, or as a real process where what reaches the terminal matters.</summary>
internal static class ProgramRun
{
    public static readonly DateTimeOffset Now = new(2026, 3, 8, 1, 0, 0, TimeSpan.Zero);

    public sealed record Outcome(int Code, string Output, string Error)
    {
        public string All => Output + Error;
    }

    /// <summary>Runs the command line in this process; the verb's settings come from <paramref name="args"/> only.</summary>
    public static async Task<Outcome> InProcess(string workingFolder, params string[] args)
    {
        var line = CommandLine.Parse(args);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = workingFolder,
            EnvironmentName = "Testing",
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Seed:File"] = "" });
        builder.Configuration.AddCommandLine(line.ConfigurationArguments);
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        builder.AddDoSonBot();
        using var host = builder.Build();
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await host.RunDoSonBotAsync(line, output, error);
        return new(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs the built program as a separate process in <paramref name="workingFolder"/>, with
    /// no chat token and no sample seeding; killed if it has not ended within 30 s.</summary>
    public static async Task<Outcome> AsProcess(string workingFolder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DoSon.Bot.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment.Remove("Telegram__BotToken");
        start.Environment.Remove("Zalo__BotToken");
        start.Environment["Seed__File"] = "";
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new(process.ExitCode, await output, await error);
    }
}
