using DoSon.Bot.Hosting;
using Microsoft.Extensions.Hosting;

var commandLine = CommandLine.Parse(args);
var builder = Host.CreateApplicationBuilder(commandLine.ConfigurationArguments);
builder.AddDoSonBot();
using var host = builder.Build();
return await host.RunDoSonBotAsync(commandLine);
