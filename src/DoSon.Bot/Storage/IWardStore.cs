namespace DoSon.Bot.Storage;

/// <summary>Every store interface at once: what one provider (LiteDB, PostgreSQL) implements, so that
/// the registration, the start and the tests treat both alike.</summary>
internal interface IWardStore : IBotStore, IReminderStore, IReminderRetentionStore, IGroupDigestLog, IInviteStore,
    INoticeDraftStore, ITelegramStore, IHandledUpdateStore, IWebLoginStore, IWebKeyStore, ICurrentTaskStore, IWardTransfer, IDisposable
{
    /// <summary>Opens (and for PostgreSQL migrates) the store now, or throws the
    /// <see cref="Hosting.ExpectedFailureException"/> that says why it cannot be used.</summary>
    void EnsureOpen();

    /// <summary>After a start whose seed failed: forgets what this run created, so the next start seeds again.</summary>
    void DiscardIfCreatedNew();
}
