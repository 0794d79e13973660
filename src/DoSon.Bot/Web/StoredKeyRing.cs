using System.Xml.Linq;
using DoSon.Bot.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace DoSon.Bot.Web;

/// <summary>The console's data-protection keys in the ward's database (<see cref="IWebKeyStore"/>): a
/// restart keeps everyone signed in for the rest of their 12 hours, and no key file lies beside the
/// database. The keys are stored as ASP.NET Core writes them, unencrypted: whoever can read the
/// database file can read the ward's data anyway, and the file is the bot user's alone.</summary>
internal sealed class StoredKeyRing(IWebKeyStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        store.GetWebKeys().Select(k => XElement.Parse(k.Xml)).ToList();

    public void StoreElement(XElement element, string friendlyName) =>
        store.SaveWebKey(new WebKey(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
}
