using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using DoSon.Bot.Hosting;
using DoSon.Bot.Messaging;
using DoSon.Bot.Storage;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Web;

public static class WebConsoleRegistration
{
    public const string SignInLimit = "dang-nhap";

    /// <summary>The web console, in the bot's own process and container. The server exists only when the
    /// host is built by WebApplication.CreateBuilder (Program.cs, and the test hosts that ask for it): a
    /// plain generic host (the tests of verbs and chat) has none. The one-shot verbs never start the
    /// host, so they never start the server either. With Web:Enabled = false nothing listens.</summary>
    public static IHostApplicationBuilder AddWebConsole(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptionsWithValidateOnStart<WebOptions>().BindConfiguration(WebOptions.Section);
        services.AddSingleton<IValidateOptions<WebOptions>, WebOptionsValidator>();
        services.AddSingleton<WebLoginLinks>();
        services.AddSingleton<WebQueries>();
        services.AddSingleton<Commands.IWardChart, WardChart>();
        services.AddSingleton<SignedPictures>();
        services.AddSingleton<IPublicPictures>(sp => sp.GetRequiredService<SignedPictures>());
        services.AddSingleton<Tasks.WebTaskQueries>();
        services.AddSingleton<Import.ImportWorkspace>();
        services.AddSingleton<Members.WardEditor>();
        services.AddSingleton<Calendar.CalendarFeeds>();
        services.TryAddSingleton<PlatformContact>();

        var settings = builder.Configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        if (builder is not WebApplicationBuilder web)
        {
            return builder;
        }

        if (!settings.Enabled)
        {
            services.AddSingleton<IServer, NoServer>();
            return builder;
        }

        web.WebHost.UseUrls([.. settings.ListenAddresses]);
        // Sessions and antiforgery tokens are signed with keys kept in the ward's database, so a
        // restart signs nobody out.
        services.AddDataProtection().SetApplicationName("DoSon.Bot");
        // Its one warning ("No XML encryptor configured", in English, at the first start) says the keys
        // are stored as written: by design (see StoredKeyRing), and nothing an operator can act on.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new StoredKeyRing(sp.GetRequiredService<IWebKeyStore>())));
        // Vietnamese letters written as they are, not as &#x...; entities.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Web/Pages";
            // Nothing of the ward without a session: every page needs one but the sign-in pages.
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/CanDangNhap");
            o.Conventions.AllowAnonymousToPage("/DangNhap");
        }).ConfigureApplicationPartManager(parts =>
        {
            // The pages are compiled into this assembly; a host whose application name is another
            // (a test host) would not look here by itself.
            var own = typeof(WebConsoleRegistration).Assembly;
            if (!parts.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == own))
            {
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(own).GetApplicationParts(own))
                {
                    parts.ApplicationParts.Add(part);
                }
            }
        });
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "doson.phien";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // A session cookie (no Expires): the 12 hours are kept in the ticket and checked by the server.
            o.ExpireTimeSpan = WebSession.Lifetime;
            o.SlidingExpiration = false;
            o.LoginPath = WebSession.NeedSignInPath;
            o.AccessDeniedPath = WebSession.NeedSignInPath;
        });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<TimeProvider>((o, time) => o.TimeProvider = time);
        services.AddAuthorization();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "doson.chongdaomao";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddRateLimiter(o =>
        {
            // ASP.NET Core's limiters count on the wall clock, not the app's TimeProvider: right for the
            // web's edge (it guards the machine against real requests in real time) and never part of
            // the ward's rules, which all run on the app's clock.
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, token) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(WebTexts.TooMany, token);
            };
            // Links and sign-ins: a person needs one or two a minute; guessing needs millions.
            o.AddPolicy(SignInLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // Everything else, sessions included: generous for people, a ceiling for a runaway client.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 600, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        // Behind nginx or Caddy on the same machine: the client's address (for the rate limits) and
        // https (for the Secure cookie) come from X-Forwarded-*, trusted from 127.0.0.1 and ::1 only (the default).
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        services.AddSingleton<WebReadiness>();
        services.AddTransient<IStartupFilter, WebConsolePipeline>();
        services.AddHostedService<WebConsoleBanner>();
        return builder;
    }

    /// <summary>Web:Enabled = false on a host built for the web: a server that listens nowhere.</summary>
    private sealed class NoServer : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull =>
            Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
