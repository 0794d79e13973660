using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;
using DoSon.Bot.Reports;

namespace DoSon.Bot.Commands.Handlers;

public sealed class BaoCaoHandler(ReportService reports) : ICommandHandler
{
    public string Name => "baocao";
    public string Usage => "/baocao [MM/yyyy]";
    public string Description => "Báo cáo kết quả tháng (mặc định tháng này), làm căn cứ cho Thông báo kết luận tháng sau";
    public MemberRole MinimumRole => MemberRole.Leader;

    public async ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var (year, month) = reports.CurrentMonth();
        if (context.Words.Count > 1 || (context.Words.Count == 1 && !ReportService.TryParseMonth(context.Words[0], out year, out month)))
        {
            return Reply.Say(CommandTexts.Usage(Usage,
                context.Words.Count == 1 ? ReportTexts.BadMonth(context.Words[0]) : null));
        }

        return Reply.Say((await reports.BuildAsync(year, month)).ToText()) with { Overflow = CommandTexts.ReportOverflow(year, month) };
    }
}
