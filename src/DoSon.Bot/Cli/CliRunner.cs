using System.Text;
using DoSon.Bot.Hosting;

namespace DoSon.Bot.Cli;

public sealed class CliRunner(IEnumerable<ICliVerb> verbs)
{
    public const int UsageError = ExitCodes.Usage;

    public async Task<int> RunAsync(CommandLine commandLine, TextWriter output, CancellationToken cancellationToken)
    {
        var verb = verbs.FirstOrDefault(v => v.Name == commandLine.Verb);
        if (verb is null)
        {
            await output.WriteLineAsync(commandLine.Verb is "help" or "--help" or "-h" ? Help() : $"Không có lệnh «{commandLine.Verb}».\n{Help()}");
            return commandLine.Verb is "help" or "--help" or "-h" ? 0 : UsageError;
        }

        return await verb.RunAsync(commandLine.VerbArguments, output, cancellationToken);
    }

    private string Help()
    {
        var sb = new StringBuilder($"Cách dùng: {ProgramName.Command("[lệnh] [--Mục:Khóa=giá trị ...]")}\nKhông có lệnh: chạy bot. Các lệnh:");
        foreach (var v in verbs.OrderBy(v => v.Name, StringComparer.Ordinal))
        {
            sb.Append("\n  ").Append(v.Usage);
        }

        return sb.ToString();
    }
}
