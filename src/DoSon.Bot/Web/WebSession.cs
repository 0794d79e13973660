using System.Security.Claims;
using DoSon.Bot.Domain;

namespace DoSon.Bot.Web;

/// <summary>The signed-in member, as the session cookie carries it: member code and role.</summary>
public static class WebSession
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    public const string NeedSignInPath = "/can-dang-nhap";

    public const string MemberCodeClaim = "doson:member";

    public static ClaimsPrincipal Principal(Member member) => new(new ClaimsIdentity(
        [
            new Claim(MemberCodeClaim, member.Code),
            new Claim(ClaimTypes.Name, member.Name),
            new Claim(ClaimTypes.Role, member.Role.ToString()),
        ],
        Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme));

    public static string? MemberCode(ClaimsPrincipal user) => user.FindFirst(MemberCodeClaim)?.Value;
}
