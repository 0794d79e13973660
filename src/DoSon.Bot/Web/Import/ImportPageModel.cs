using DoSon.Bot.Domain;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace DoSon.Bot.Web.Import;

/// <summary>A page of Nhập dữ liệu: admins only (others get one sentence and 403). Its forms are read by
/// the page itself, under limits that fit the largest file the import takes, so that a file too large
/// gets the import's own sentence instead of a bare error; the antiforgery token is checked right after
/// (automatic validation, which would read the form first, is turned off on these pages only).</summary>
[IgnoreAntiforgeryToken]
public abstract class ImportPageModel : MemberPageModel
{
    /// <summary>Room in a request for the form's other fields and the multipart headers.</summary>
    private const long FormSlack = 1024 * 1024;

    public bool AdminOnly { get; private set; }

    /// <summary>The sentence of a refused form, shown above it.</summary>
    public string? Problem { get; protected set; }

    /// <summary>A value of the page's route. POST handlers take no parameters: binding one would read the
    /// form under the default limits before <see cref="ReadFormAsync"/> could set them.</summary>
    protected string RouteValue(string name) => RouteData.Values[name]?.ToString() ?? "";

    protected ImportWorkspace Workspace => HttpContext.RequestServices.GetRequiredService<ImportWorkspace>();

    /// <summary>True (and the page set to say so, with 403) when the viewer is not an admin.</summary>
    protected bool RefusedAsNotAdmin()
    {
        if (Viewer.Role == MemberRole.Admin)
        {
            return false;
        }

        AdminOnly = true;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return true;
    }

    /// <summary>The posted form, or null with <see cref="Problem"/> set when it is too large; a missing
    /// or wrong antiforgery token ends the request with 400, as on every other page.</summary>
    protected async Task<(IFormCollection? Form, IActionResult? Stop)> ReadFormAsync()
    {
        var cap = Workspace.MaxUploadBytes + FormSlack;
        if (Request.ContentLength is { } length && length > cap)
        {
            Problem = WebTexts.UploadTooLarge(length, Workspace.MaxUploadBytes);
            return (null, null);
        }

        if (HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = cap;
        }

        HttpContext.Features.Set<IFormFeature>(new FormFeature(Request, new FormOptions { MultipartBodyLengthLimit = cap }));
        IFormCollection form;
        try
        {
            form = await Request.ReadFormAsync(HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            Problem = WebTexts.UploadTooLarge(Request.ContentLength ?? cap + 1, Workspace.MaxUploadBytes);
            return (null, null);
        }

        var antiforgery = HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
        return await antiforgery.IsRequestValidAsync(HttpContext) ? (form, null) : (null, BadRequest());
    }
}
