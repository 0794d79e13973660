using LiteDB;

namespace DoSon.Bot.Storage;

internal sealed class WebKeyDoc
{
    [BsonId] public string Name { get; set; } = "";
    public string Xml { get; set; } = "";
}

internal sealed partial class LiteDbBotStore : IWebKeyStore
{
    private ILiteCollection<WebKeyDoc> WebKeys => _db.GetCollection<WebKeyDoc>("web_keys");

    public IReadOnlyList<WebKey> GetWebKeys()
    {
        lock (_gate)
        {
            return WebKeys.FindAll().Select(d => new WebKey(d.Name, d.Xml)).ToList();
        }
    }

    public void SaveWebKey(WebKey key)
    {
        lock (_gate)
        {
            WebKeys.Upsert(new WebKeyDoc { Name = key.Name, Xml = key.Xml });
        }
    }
}
