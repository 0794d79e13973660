using DoSon.Bot.Web;
using FluentAssertions;
using Microsoft.Playwright;
using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;
using DoSon.Bot.Tests.Fakes;

namespace DoSon.Bot.Tests.Web;

/// <summary>Thành viên and Nhắc việc in Debian's Chromium: an admin makes an invite, the QR code drawn in
/// the page is read back from a screenshot of it, then the delivery log is filtered.</summary>
[Collection(RunsAlone.Name)]
public sealed class MembersBrowserTests
{
    [SkippableTheory]
    [InlineData(390, 844, "390")]
    [InlineData(1280, 900, "desktop")]
    public async Task An_admin_invites_a_member_with_a_qr_code_that_reads_back_and_filters_the_reminders(int width, int height, string name)
    {
        Browser.SkipIfMissing();

        await using var web = await WebConsole.StartAsync(MembersPageTests.Settings, marchSample: true);
        await using var browser = await Browser.SignedInAsync(web, "CVP", width, height);
        var page = browser.Page;

        await page.GotoAsync(new Uri(web.BaseAddress, "thanh-vien").ToString());
        (await page.Locator("h1").InnerTextAsync()).Should().Be(WebTexts.MembersPage);
        await page.Locator("tr[data-member='BT-DK']").GetByRole(AriaRole.Button, new() { Name = WebTexts.CreateInvite }).ClickAsync();

        var code = await page.Locator(".invite-code").InnerTextAsync();
        var deepLink = $"https://t.me/{MembersPageTests.BotName}?start={code}";
        (await page.Locator(".invite-link").GetAttributeAsync("href")).Should().Be(deepLink);
        var qr = page.Locator(".qr svg");
        (await qr.BoundingBoxAsync())!.Width.Should().BeGreaterThan(100, "the QR code is drawn");
        ReadQr(await qr.ScreenshotAsync()).Should().Be(deepLink);
        await browser.ShouldFitAsync(width);
        browser.ConsoleErrors.Should().BeEmpty();
        await browser.ScreenshotAsync($"web-thanh-vien-{name}");

        await page.GetByRole(AriaRole.Link, new() { Name = WebTexts.RemindersPage }).ClickAsync();
        await page.Locator("select[name='trangthai']").SelectOptionAsync("Pending");
        await page.Locator("input[name='nguoi']").FillAsync("CT-UBND");
        await page.GetByRole(AriaRole.Button, new() { Name = WebTexts.Filter }).ClickAsync();
        await page.WaitForURLAsync("**nguoi=CT-UBND**");
        var rows = page.Locator("table.reminders tbody tr");
        (await rows.CountAsync()).Should().BeGreaterThan(0);
        (await page.Locator("table.reminders tbody tr[data-state='Pending']").CountAsync()).Should().Be(await rows.CountAsync());
        await browser.ShouldFitAsync(width);
        browser.ConsoleErrors.Should().BeEmpty();
        await browser.ScreenshotAsync($"web-nhac-viec-{name}");
    }

    /// <summary>What a phone's camera would read: the screenshot's pixels through ZXing's QR reader.</summary>
    internal static string? ReadQr(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        var rgb = new byte[bitmap.Width * bitmap.Height * 3];
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                var i = ((y * bitmap.Width) + x) * 3;
                (rgb[i], rgb[i + 1], rgb[i + 2]) = (c.Red, c.Green, c.Blue);
            }
        }

        var source = new RGBLuminanceSource(rgb, bitmap.Width, bitmap.Height, RGBLuminanceSource.BitmapFormat.RGB24);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)))?.Text;
    }
}
