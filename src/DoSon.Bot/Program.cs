using DoSon.Bot.Cli;
using DoSon.Bot.Hosting;
using Microsoft.AspNetCore.Builder;

ProgramName.Invocation = ProgramName.DetectCurrent();
var commandLine = CommandLine.Parse(args);
// A web application builder, so the web console (Web/) is served from the bot's own process and
// container; the one-shot verbs never start the host and so never listen.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = commandLine.ConfigurationArguments,
    ContentRootPath = AppContext.BaseDirectory,
});
builder.AddDoSonBot();
using var host = builder.Build();
return await host.RunDoSonBotAsync(commandLine);
