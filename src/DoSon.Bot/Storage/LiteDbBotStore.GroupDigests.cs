using System.Globalization;
using LiteDB;

namespace DoSon.Bot.Storage;

internal sealed class GroupDigestDoc
{
    /// <summary>"kind:yyyy-MM-dd:chatId".</summary>
    [BsonId] public string Id { get; set; } = "";
    public string Kind { get; set; } = "";
    /// <summary>The digest's local date, yyyy-MM-dd.</summary>
    public string Date { get; set; } = "";
    public long ChatId { get; set; }
    /// <summary>UTC instant.</summary>
    public DateTime SentAt { get; set; }
}

internal sealed partial class LiteDbBotStore : IGroupDigestLog
{
    /// <summary>Only today's and the coming days' records matter; older ones are dropped so the file
    /// does not grow for ever.</summary>
    private static readonly TimeSpan GroupDigestRecordLifetime = TimeSpan.FromDays(60);

    private ILiteCollection<GroupDigestDoc> GroupDigests => _db.GetCollection<GroupDigestDoc>("group_digests");

    private static string DigestDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private IReadOnlySet<long> GroupsSent(string kind, DateOnly date)
    {
        var prefix = $"{kind}:{DigestDate(date)}:";
        lock (_gate)
        {
            return GroupDigests.Find(Query.StartsWith("_id", prefix)).Select(d => d.ChatId).ToHashSet();
        }
    }

    private void RecordGroupSent(string kind, DateOnly date, long chatId, DateTimeOffset at)
    {
        var day = DigestDate(date);
        var cutoff = (at - GroupDigestRecordLifetime).UtcDateTime;
        lock (_gate)
        {
            InTransaction(() =>
            {
                GroupDigests.Upsert(new GroupDigestDoc
                {
                    Id = string.Create(CultureInfo.InvariantCulture, $"{kind}:{day}:{chatId}"),
                    Kind = kind,
                    Date = day,
                    ChatId = chatId,
                    SentAt = at.UtcDateTime,
                });
                GroupDigests.DeleteMany(d => d.SentAt < cutoff);
                return 0;
            });
        }
    }
}
