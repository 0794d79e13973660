using DoSon.Bot.Backups;
using DoSon.Bot.Domain;
using DoSon.Bot.Hosting;
using DoSon.Bot.Import;
using LiteDB;

namespace DoSon.Bot.Storage;

/// <summary>The one LiteDB database of the process (two LiteDatabase instances on one file silently
/// lose rows). Every call takes one lock, so chat handlers and Quartz jobs never interleave inside
/// a transaction; LiteDB transactions are bound to the thread that began them, so nothing inside the
/// lock awaits.</summary>
internal sealed partial class LiteDbBotStore : IWardStore
{
    public const int SchemaVersion = 1;

    private readonly string _path;
    private readonly DatabaseUse _use;
    private readonly BackupOptions _backups;
    private readonly Lock _gate = new();
    private LiteDatabase? _database;
    private DatabaseLock? _processLock;
    private ExpectedFailureException? _openFailure;
    private Dictionary<string, TaskStanding>? _standings;
    private IReadOnlyList<TaskStanding>? _standingsList;

    /// <param name="path">The database file.</param>
    /// <param name="use">Whether this run may create the file; by default it may.</param>
    /// <param name="backups">Where the refusal of a damaged file points to the latest backup.</param>
    public LiteDbBotStore(string path, DatabaseUse? use = null, BackupOptions? backups = null)
    {
        _path = Path.GetFullPath(path);
        _use = use ?? new DatabaseUse();
        _backups = backups ?? new BackupOptions();
    }

    /// <summary>The file is opened on first use, not when the store is built, so that a verb that
    /// never reads the ward (`template`, `notice parse`, `--help`) never opens or creates it; the
    /// bot opens it before its host starts (<see cref="EnsureOpen"/>) so that a refusal comes first.</summary>
    private LiteDatabase _db => Volatile.Read(ref _database) ?? Open();

    /// <summary>How this run uses the file; after opening, whether it was created new.</summary>
    public DatabaseUse Use => _use;

    /// <summary>Opens the file now, or throws the <see cref="ExpectedFailureException"/> that says why it cannot be used.</summary>
    public void EnsureOpen() => _ = _db;

    private LiteDatabase Open()
    {
        // Under the same (reentrant) lock as every call, so no call can see a half-migrated file.
        lock (_gate)
        {
            if (_database is not null)
            {
                return _database;
            }

            if (_openFailure is not null)
            {
                throw new ExpectedFailureException(_openFailure.Message, _openFailure.ExitCode, _openFailure);
            }

            try
            {
                var createdNew = DatabaseGuard.PrepareToOpen(_path, _use, _backups, out var processLock);
                _processLock = processLock;
                // A mapper of its own rather than BsonMapper.Global: LiteDB 5.0.21 races when two databases
                // first map the same type at once (litedb-org/LiteDB#2536), which made parallel tests flaky.
                var db = new LiteDatabase(new ConnectionString { Filename = _path, Connection = ConnectionType.Direct }, new BsonMapper());

                // LiteDB stores instants in UTC but hands them back in the machine's local time unless this
                // pragma is set; the documents are read as UTC, so a server set to Asia/Ho_Chi_Minh would
                // otherwise shift every instant by 7 hours.
                db.UtcDate = true;
                _database = db;
                Migrate(createdNew);
                _use.OpenedPath = _path;
                _use.CreatedNew = createdNew;
                _use.Announce?.WriteLine(createdNew ? StorageTexts.CreatedNew(_path) : StorageTexts.Using(_path));
                return db;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _database?.Dispose();
                _database = null;
                _processLock?.Dispose();
                _processLock = null;
                _openFailure = ex as ExpectedFailureException
                    ?? new ExpectedFailureException(StorageTexts.Refused(DatabaseFileState.Damaged, _path, ex.Message, _backups), ExitCodes.DatabaseDamaged, ex);
                throw _openFailure;
            }
        }
    }

    private ILiteCollection<UnitDoc> Units => _db.GetCollection<UnitDoc>("units");
    private ILiteCollection<MemberDoc> Members => _db.GetCollection<MemberDoc>("members");
    private ILiteCollection<MilestoneDoc> Milestones => _db.GetCollection<MilestoneDoc>("milestones");
    private ILiteCollection<SourceDoc> Sources => _db.GetCollection<SourceDoc>("sources");
    private ILiteCollection<TaskDoc> Tasks => _db.GetCollection<TaskDoc>("tasks");
    private ILiteCollection<HistoryDoc> History => _db.GetCollection<HistoryDoc>("history");

    /// <param name="createdNew">A file this run created gets the query indexes on its first query
    /// instead (<see cref="EnsureQueryIndexes"/>): it holds a handful of tasks then, and a file seeded
    /// and closed keeps the small layout that the damaged-file checks were made against.</param>
    private void Migrate(bool createdNew)
    {
        lock (_gate)
        {
            if (_db.UserVersion > SchemaVersion)
            {
                throw new ExpectedFailureException(
                    StorageTexts.Refused(DatabaseFileState.NewerSchema, _path, _db.UserVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), _backups),
                    ExitCodes.DatabaseDamaged);
            }

            History.EnsureIndex(h => h.TaskCode);
            Members.EnsureIndex(m => m.TelegramUserId);
            Members.EnsureIndex(m => m.ZaloUserId);
            if (!createdNew)
            {
                EnsureQueryIndexes();
            }

            _db.UserVersion = SchemaVersion;
        }
    }

    public event Action<IReadOnlyCollection<string>>? TasksChanged;

    private bool IsEmpty()
    {
        lock (_gate)
        {
            return Tasks.Count() == 0 && Members.Count() == 0;
        }
    }

    private IReadOnlyList<Unit> GetUnits()
    {
        lock (_gate)
        {
            return Units.FindAll().Select(d => d.ToDomain()).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        }
    }

    private IReadOnlyList<Member> GetMembers()
    {
        lock (_gate)
        {
            return Members.FindAll().Select(d => d.ToDomain()).OrderBy(m => m.Code, StringComparer.Ordinal).ToList();
        }
    }

    private Member? FindMember(string code)
    {
        lock (_gate)
        {
            return FindMemberDoc(code)?.ToDomain();
        }
    }

    // The file's collation ignores case (LiteDB's default), so the key lookup already finds "cb-dc" for
    // "CB-DC"; only a file made case-sensitive needs the scan.
    private MemberDoc? FindMemberDoc(string code) =>
        Members.FindById(code) ?? (CollationIgnoresCase ? null : Members.FindAll().FirstOrDefault(m => string.Equals(m.Code, code, StringComparison.OrdinalIgnoreCase)));

    private Member? FindMemberByTelegram(long userId)
    {
        lock (_gate)
        {
            long? id = userId;
            return Members.FindOne(m => m.TelegramUserId == id)?.ToDomain();
        }
    }

    private Member? FindMemberByZalo(string userId)
    {
        lock (_gate)
        {
            return Members.FindOne(m => m.ZaloUserId == userId)?.ToDomain();
        }
    }

    private Member SetTelegramUser(string memberCode, long? userId) =>
        UpdateMember(memberCode, doc => LinkAccount(doc, ChatPlatform.Telegram, userId?.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private Member SetZaloUser(string memberCode, string? userId) =>
        UpdateMember(memberCode, doc => LinkAccount(doc, ChatPlatform.Zalo, userId));

    /// <summary>Links the member to this account on the platform (null: to none); the account leaves
    /// any other member it was linked to, since one account is one person. Inside a transaction.</summary>
    private void LinkAccount(MemberDoc doc, ChatPlatform platform, string? userId)
    {
        if (platform == ChatPlatform.Telegram)
        {
            long? key = userId is null ? null : long.Parse(userId, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture);
            if (key is not null)
            {
                foreach (var other in Members.Find(m => m.TelegramUserId == key).Where(o => o.Code != doc.Code).ToList())
                {
                    other.TelegramUserId = null;
                    Members.Update(other);
                }
            }

            doc.TelegramUserId = key;
        }
        else
        {
            if (userId is not null)
            {
                foreach (var other in Members.Find(m => m.ZaloUserId == userId).Where(o => o.Code != doc.Code).ToList())
                {
                    other.ZaloUserId = null;
                    Members.Update(other);
                }
            }

            doc.ZaloUserId = userId;
        }

        doc.Unreachable = false;
    }

    private Member SetUnreachable(string memberCode, bool unreachable) =>
        UpdateMember(memberCode, doc => doc.Unreachable = unreachable);

    private Member UpdateMember(string memberCode, Action<MemberDoc> change)
    {
        lock (_gate)
        {
            return InTransaction(() =>
            {
                var doc = FindMemberDoc(memberCode)
                    ?? throw new KeyNotFoundException($"Không có thành viên mã {memberCode}.");
                change(doc);
                Members.Update(doc);
                return doc.ToDomain();
            });
        }
    }

    private IReadOnlyList<Milestone> GetMilestones()
    {
        lock (_gate)
        {
            return Milestones.FindAll().Select(d => d.ToDomain()).OrderBy(m => m.Date).ThenBy(m => m.Code, StringComparer.Ordinal).ToList();
        }
    }

    private IReadOnlyList<SourceNotice> GetSources()
    {
        lock (_gate)
        {
            return Sources.FindAll().Select(d => d.ToDomain()).ToList();
        }
    }

    private IReadOnlyList<WorkTask> GetTasks()
    {
        lock (_gate)
        {
            return Tasks.FindAll().Select(d => d.ToDomain()).Where(t => !t.IsWithdrawn).OrderBy(t => t.Due).ThenBy(t => t.Code, StringComparer.Ordinal).ToList();
        }
    }

    private WorkTask? FindTask(string code)
    {
        lock (_gate)
        {
            // As FindMemberDoc: a code that is not there costs one key lookup, not a scan of the ward.
            return (Tasks.FindById(code)
                    ?? (CollationIgnoresCase ? null : Tasks.FindAll().FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.OrdinalIgnoreCase))))
                ?.ToDomain();
        }
    }

    private IReadOnlyList<ProgressReport> GetHistory(string taskCode)
    {
        lock (_gate)
        {
            return History.Find(h => h.TaskCode == taskCode).OrderBy(h => h.Id).Select(h => h.ToDomain()).ToList();
        }
    }

    private WorkTask RecordProgress(ProgressReport report)
    {
        WorkTask task;
        lock (_gate)
        {
            task = InTransaction(() =>
            {
                var doc = Tasks.FindById(report.TaskCode)
                    ?? throw new KeyNotFoundException($"Không có nhiệm vụ mã {report.TaskCode}.");
                var before = doc.ToDomain();
                doc.Status = report.Status.ToString();
                if (report.Percent is { } p)
                {
                    doc.Percent = p;
                }

                Tasks.Update(doc);
                // Old → new is taken here, under the lock, so that it is what the task really was.
                var changes = TaskField.Between(before, doc.ToDomain());
                History.Insert((report with { Changes = changes.Count == 0 ? report.Changes : changes }).ToDoc());
                return doc.ToDomain();
            });
            StandingChanged(task);
        }

        TasksChanged?.Invoke([task.Code]);
        return task;
    }

    private void ApplyImport(ImportPlan plan, string byMember, DateTimeOffset at)
    {
        lock (_gate)
        {
            StandingsStale();
            InTransaction(() =>
            {
                if (plan.Source is { } source)
                {
                    Sources.Upsert(source.ToDoc());
                }

                foreach (var c in plan.Units.Where(c => c.Kind != ChangeKind.Unchanged))
                {
                    Units.Upsert(c.Item.ToDoc());
                }

                // The plan was made before this lock was taken: a chat account linked or a progress
                // report recorded in between is kept, not overwritten with the plan's older copy.
                foreach (var c in plan.Members.Where(c => c.Kind != ChangeKind.Unchanged))
                {
                    var doc = c.Item.ToDoc();
                    if (Members.FindById(doc.Code) is { } stored)
                    {
                        doc.TelegramUserId ??= stored.TelegramUserId;
                        doc.ZaloUserId ??= stored.ZaloUserId;
                        doc.Unreachable = stored.Unreachable;
                    }

                    Members.Upsert(doc);
                }

                foreach (var c in plan.Milestones.Where(c => c.Kind != ChangeKind.Unchanged))
                {
                    Milestones.Upsert(c.Item.ToDoc());
                }

                foreach (var c in plan.Tasks.Where(c => c.Kind != ChangeKind.Unchanged))
                {
                    var doc = c.Item.ToDoc();
                    var stored = Tasks.FindById(doc.Code);
                    if (stored is not null)
                    {
                        doc.Status = stored.Status;
                        doc.Percent = stored.Percent;
                    }

                    Tasks.Upsert(doc);
                    var note = c.Kind == ChangeKind.Created
                        ? "Tạo từ tệp nhập."
                        : "Cập nhật từ tệp nhập: " + string.Join(", ", c.ChangedFields) + ".";
                    IReadOnlyList<FieldChange>? changes = stored is null ? null : TaskField.Between(stored.ToDomain(), doc.ToDomain());
                    History.Insert(new ProgressReport(
                        c.Item.Code, byMember, at, ProgressKind.Imported, null, Enum.Parse<WorkTaskStatus>(doc.Status), note, "import", changes).ToDoc());
                }

                return 0;
            });
        }

        var changed = plan.Tasks.Where(c => c.Kind != ChangeKind.Unchanged).Select(c => c.Item.Code).ToList();
        if (changed.Count > 0 || plan.Milestones.Any(c => c.Kind != ChangeKind.Unchanged) || plan.Members.Any(c => c.Kind != ChangeKind.Unchanged))
        {
            TasksChanged?.Invoke(changed);
        }
    }

    /// <summary>Runs a write in one LiteDB transaction; any exception rolls every part of it back.</summary>
    private T InTransaction<T>(Func<T> write)
    {
        _db.BeginTrans();
        try
        {
            var result = write();
            _db.Commit();
            return result;
        }
        catch
        {
            _db.Rollback();
            throw;
        }
    }

    /// <summary>Closes the file and deletes it when this run created it, so that a start whose seed
    /// could not be loaded leaves nothing behind and the next start creates and seeds it again.</summary>
    public void DiscardIfCreatedNew()
    {
        if (!_use.CreatedNew)
        {
            return;
        }

        Dispose();
        foreach (var file in new[] { _path, Path.Combine(Path.GetDirectoryName(_path)!, Path.GetFileNameWithoutExtension(_path) + "-log" + Path.GetExtension(_path)) })
        {
            File.Delete(file);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _database?.Dispose();
            _database = null;
            _processLock?.Dispose();
            _processLock = null;
            StandingsStale();
            _queryIndexesEnsured = false;
        }
    }

    private IReadOnlyList<WorkTask> GetTasks(IReadOnlyCollection<string> codes)
    {
        lock (_gate)
        {
            return codes.Distinct(StringComparer.OrdinalIgnoreCase).Select(c => Tasks.FindById(c)).OfType<TaskDoc>().Select(d => d.ToDomain()).Where(t => !t.IsWithdrawn).ToList();
        }
    }
}
