using QRCoder;

namespace DoSon.Bot.Web.Members;

/// <summary>The QR code of an invite's deep link, as SVG markup to put in the page itself: only a hash
/// of the code is stored, so the image cannot be made again by a later request. QRCoder's SVG renderer
/// draws with attributes only (no style), which the console's CSP (style-src 'self') allows.</summary>
public static class InviteQr
{
    public static string Svg(string link)
    {
        using var data = QRCodeGenerator.GenerateQrCode(link, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(6);
    }
}
