using DoSon.Bot.Cli;
using DoSon.Bot.Hosting;
using Microsoft.Extensions.Hosting;

ProgramName.Invocation = ProgramName.DetectCurrent();
var commandLine = CommandLine.Parse(args);
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = commandLine.ConfigurationArguments,
    ContentRootPath = AppContext.BaseDirectory,
});
builder.AddDoSonBot();
using var host = builder.Build();
return await host.RunDoSonBotAsync(commandLine);
