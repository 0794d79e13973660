namespace DoSon.Bot.Storage;

/// <summary>One key of the web console's key ring (ASP.NET Core data protection: it signs the session
/// cookies and the antiforgery tokens), as the XML the key manager writes.</summary>
public sealed record WebKey(string Name, string Xml);

/// <summary>The web console's key ring, kept in the ward's database so that sessions survive a restart
/// and move with a backup. Synchronous on purpose: ASP.NET Core's key repository (IXmlRepository) is a
/// synchronous interface, read once at start and when a key is added (every 90 days).</summary>
public interface IWebKeyStore
{
    IReadOnlyList<WebKey> GetWebKeys();

    void SaveWebKey(WebKey key);
}
