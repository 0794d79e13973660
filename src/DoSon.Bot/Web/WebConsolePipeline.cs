using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DoSon.Bot.Web;

/// <summary>The console's request pipeline, set up from AddDoSonBot (a startup filter), so that
/// Program.cs stays wiring only: security headers, routing, session, rate limits, then the endpoints.</summary>
internal sealed class WebConsolePipeline : IStartupFilter
{
    /// <summary>No script at all, nothing from elsewhere: the pages are plain HTML forms and one stylesheet.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public const string StylesheetPath = "/site.css";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseForwardedHeaders();
        app.Use(async (context, nextStep) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            await nextStep(context);
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseEndpoints(endpoints =>
        {
            MapProbes(endpoints);
            endpoints.MapGet(StylesheetPath, (Delegate)Stylesheet).AllowAnonymous();
            // Browsers ask for it on every site; the console has none, and says so without a 404.
            endpoints.MapGet("/favicon.ico", () => Results.NoContent()).AllowAnonymous();
            endpoints.MapGet(DashboardChartPath, (Delegate)ChartAsync).RequireAuthorization();
            endpoints.MapGet(DashboardChartPngPath, (Delegate)ChartPngAsync).RequireAuthorization();
            // Phones' calendars cannot sign in: the secret in the address is the key, guarded like sign-in.
            endpoints.MapGet(Calendar.CalendarFeeds.FeedRoute, (Delegate)Calendar.CalendarFeeds.ServeAsync)
                .AllowAnonymous().RequireRateLimiting(WebConsoleRegistration.SignInLimit);
            // Zalo fetches the pictures it is sent by address: no session, the signature is the key.
            endpoints.MapGet(SignedPictures.Route, (string id, string? het, string? ky, SignedPictures pictures) => pictures.Serve(id, het, ky))
                .AllowAnonymous().RequireRateLimiting(WebConsoleRegistration.SignInLimit);
            foreach (var webhook in endpoints.ServiceProvider.GetServices<IWebhookEndpoint>())
            {
                endpoints.MapPost(webhook.Path, webhook.ReceiveAsync).AllowAnonymous().DisableRateLimiting();
            }

            endpoints.MapRazorPages();
        });
        next(app);
    };

    public const string DashboardChartPath = "/tong-quan/bieu-do.svg";

    /// <summary>The same chart as a PNG, for programs that do not read SVG.</summary>
    public const string DashboardChartPngPath = "/tong-quan/bieu-do.png";

    /// <summary>Vietnamese letters as they are, so that a person reading a monitor's log can read them.</summary>
    private static readonly JsonSerializerOptions ProbeJson = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static void MapProbes(IEndpointRouteBuilder endpoints)
    {
        // For systemd, Docker and monitors: no session, and nothing of the ward in the answer.
        endpoints.MapGet("/healthz", () => Results.Text("ok", "text/plain; charset=utf-8")).AllowAnonymous();
        endpoints.MapGet("/readyz", async (WebReadiness readiness, CancellationToken cancellationToken) =>
        {
            var problems = await readiness.ProblemsAsync(cancellationToken);
            var ready = problems.Count == 0;
            var body = readiness.Cluster is { } cluster
                ? JsonSerializer.Serialize(new { ready, problems, role = cluster.Role, instance = cluster.Instance }, ProbeJson)
                : JsonSerializer.Serialize(new { ready, problems }, ProbeJson);
            return Results.Text(body, "application/json; charset=utf-8", statusCode: problems.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
    }

    private static IResult Stylesheet()
    {
        using var stream = typeof(WebConsolePipeline).Assembly.GetManifestResourceStream("DoSon.Bot.Web.site.css")!;
        using var reader = new StreamReader(stream);
        return Results.Text(reader.ReadToEnd(), "text/css; charset=utf-8");
    }

    private static async Task<IResult> ChartPngAsync(HttpContext context, WebQueries queries, CancellationToken cancellationToken)
    {
        if (WebSession.MemberCode(context.User) is not { } code || await queries.FindMemberAsync(code, cancellationToken) is not { } member)
        {
            return Results.Redirect(WebSession.NeedSignInPath);
        }

        var dashboard = await queries.DashboardAsync(member, cancellationToken);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Bytes(DashboardChart.Png(dashboard.Units), "image/png");
    }

    private static async Task<IResult> ChartAsync(HttpContext context, WebQueries queries, CancellationToken cancellationToken)
    {
        if (WebSession.MemberCode(context.User) is not { } code || await queries.FindMemberAsync(code, cancellationToken) is not { } member)
        {
            return Results.Redirect(WebSession.NeedSignInPath);
        }

        var dashboard = await queries.DashboardAsync(member, cancellationToken);
        // An SVG opened as an image runs no script; its own inline styles are ScottPlot's.
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
        context.Response.Headers.CacheControl = "no-store";
        return Results.Text(DashboardChart.Svg(dashboard.Units), "image/svg+xml; charset=utf-8");
    }
}
