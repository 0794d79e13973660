using DoSon.Bot.Messaging;
using DoSon.Bot.Domain;
using DoSon.Bot.Web;

namespace DoSon.Bot.Commands.Handlers;

/// <summary>/web: a one-time link that signs the caller in to the web console (Trang quản trị).</summary>
public sealed class WebHandler(WebLoginLinks links) : ICommandHandler
{
    public string Name => "web";
    public string Usage => "/web";
    public string Description => "Nhận đường dẫn đăng nhập trang quản trị (dùng một lần, trong 10 phút)";
    public MemberRole MinimumRole => MemberRole.Member;

    public async ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Words.Count > 0)
        {
            return Reply.Say(CommandTexts.Usage(Usage));
        }

        if (!links.Enabled)
        {
            return Reply.Say(WebTexts.WebOff);
        }

        var link = await links.CreateAsync(context.Caller.Code, cancellationToken: cancellationToken);
        return Reply.Say(WebTexts.LoginLink(link, WebLoginLinks.LifetimeMinutes));
    }
}
