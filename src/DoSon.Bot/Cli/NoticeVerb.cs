using DoSon.Bot.Notices;

namespace DoSon.Bot.Cli;

/// <summary>`notice parse &lt;tệp&gt; --out &lt;bản-nháp&gt;`: reads a notice into a draft for the office to
/// review and then import. Prints the report in Vietnamese; writes nothing when the notice is refused.</summary>
public sealed class NoticeVerb(NoticeDrafter drafter) : ICliVerb
{
    public const int Done = 0;
    public const int Refused = 1;

    public string Name => "notice";

    public string Usage => NoticeTexts.Usage;

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        if (ParseArguments(arguments) is not { } request)
        {
            return CliRunner.UsageError;
        }

        async Task<int> Fail(string message, int code)
        {
            await output.WriteLineAsync(message);
            return code;
        }

        (string Input, string Out, bool Force)? ParseArguments(IReadOnlyList<string> args)
        {
            string? problem = null;
            string? input = null;
            string? outPath = null;
            var force = false;
            if (args.Count == 0 || !args[0].Equals("parse", StringComparison.OrdinalIgnoreCase))
            {
                problem = NoticeTexts.UnknownSubcommand(args.Count == 0 ? null : args[0]);
            }

            for (var i = 1; problem is null && i < args.Count; i++)
            {
                var a = args[i];
                if (a.Equals("--out", StringComparison.OrdinalIgnoreCase) || a.Equals("-o", StringComparison.Ordinal))
                {
                    if (i + 1 >= args.Count)
                    {
                        problem = NoticeTexts.MissingOut;
                    }
                    else
                    {
                        outPath = args[++i];
                    }
                }
                else if (a.StartsWith("--out=", StringComparison.OrdinalIgnoreCase))
                {
                    outPath = a["--out=".Length..];
                }
                // --force is the older name of --overwrite and keeps working.
                else if (a.Equals("--overwrite", StringComparison.OrdinalIgnoreCase) || a.Equals("--force", StringComparison.OrdinalIgnoreCase))
                {
                    force = true;
                }
                else if (a.StartsWith('-') && a.Length > 1)
                {
                    problem = NoticeTexts.UnknownOption(a);
                }
                else if (input is null)
                {
                    input = a;
                }
                else
                {
                    problem = NoticeTexts.UnknownOption(a);
                }
            }

            problem ??= input is null ? NoticeTexts.MissingInput
                : string.IsNullOrWhiteSpace(outPath) ? NoticeTexts.MissingOut
                : !DraftWriter.IsSupported(outPath) ? NoticeTexts.UnsupportedOut(outPath)
                : Path.GetFullPath(outPath) == Path.GetFullPath(input) ? NoticeTexts.OutIsInput(outPath)
                : null;
            if (problem is not null)
            {
                output.WriteLine(NoticeTexts.UsageError(problem));
                return null;
            }

            return (input!, outPath!, force);
        }

        var (inputPath, outPath, overwrite) = request;

        // Refuse before reading, so that a reviewed draft is never silently replaced.
        if (File.Exists(outPath) && !overwrite)
        {
            return await Fail(NoticeTexts.OutExists(outPath) + "\n" + NoticeTexts.NothingWritten, Refused);
        }

        NoticeDraft draft;
        try
        {
            draft = drafter.Draft(inputPath);
        }
        catch (NoticeRejectedException ex)
        {
            return await Fail(ex.Message + "\n" + NoticeTexts.NothingWritten, Refused);
        }

        cancellationToken.ThrowIfCancellationRequested();
        await output.WriteLineAsync(NoticeTexts.Report(draft.Report));
        await output.WriteLineAsync();

        if (DraftWriter.Write(draft.File, outPath, overwrite) is { } notWritten)
        {
            return await Fail(notWritten + "\n" + NoticeTexts.NothingWritten, Refused);
        }

        await output.WriteLineAsync(NoticeTexts.Written(outPath, draft.Report.TaskCount));
        return Done;
    }
}
