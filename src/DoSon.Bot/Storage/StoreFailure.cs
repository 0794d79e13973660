namespace DoSon.Bot.Storage;

/// <summary>Tells a failure of the database engine from other exceptions, so that code outside Storage
/// can catch it without naming the engine (only Storage uses LiteDB; a test keeps it so).</summary>
public static class StoreFailure
{
    public static bool Is(Exception exception) => exception is LiteDB.LiteException or Npgsql.NpgsqlException;
}
