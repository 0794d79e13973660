namespace DoSon.Bot.Channels;

/// <summary>How far a stream of numbered updates is handled when they finish out of order (chats are
/// handled side by side): <see cref="Mark"/> is the highest id that is finished with every lower id
/// taken finished too, the point a platform's offset may confirm. Ids finished above it are kept in
/// <see cref="HandledAbove"/>, so that one handed out again is known as done. Ids come in batches
/// that start at the platform's oldest pending update (as Telegram's getUpdates does), so ids below a
/// batch's first are owed no more; gaps do not hold the mark. Not thread-safe: the caller locks.</summary>
public sealed class LowWaterMark
{
    private readonly SortedSet<long> _outstanding = [];
    private readonly SortedSet<long> _handledAbove = [];

    /// <param name="mark">The mark saved before (null: nothing known yet).</param>
    /// <param name="handledAbove">The ids saved with it as finished above it.</param>
    public LowWaterMark(long? mark = null, IEnumerable<long>? handledAbove = null)
    {
        Mark = mark;
        // Not advanced here: which ids between the mark and these were still owed is known only when
        // the platform hands out its pending ones again.
        _handledAbove.UnionWith((handledAbove ?? []).Where(id => mark is null || id > mark));
    }

    /// <summary>Every id taken at or below it is finished (null: nothing taken or known yet).</summary>
    public long? Mark { get; private set; }

    public IReadOnlyList<long> HandledAbove => [.. _handledAbove];

    /// <summary>Taken and not finished.</summary>
    public int Outstanding => _outstanding.Count;

    /// <summary>Takes a batch of ids handed out, oldest pending first, and returns the ones to handle
    /// in increasing order: not those known already (finished, or taken and not finished).</summary>
    public IReadOnlyList<long> TakeBatch(IEnumerable<long> ids)
    {
        var batch = ids.Order().ToList();
        if (batch.Count == 0)
        {
            return [];
        }

        // Every id below the oldest pending one is gone: confirmed, or never handed out.
        if (Mark is null || batch[0] - 1 > Mark)
        {
            Mark = batch[0] - 1;
            _handledAbove.RemoveWhere(id => id <= Mark);
        }

        var fresh = new List<long>();
        foreach (var id in batch)
        {
            if (id > Mark && !_outstanding.Contains(id) && !_handledAbove.Contains(id) && !fresh.Contains(id))
            {
                _outstanding.Add(id);
                fresh.Add(id);
            }
        }

        Advance();
        return fresh;
    }

    /// <summary>A taken id is finished (handled, or given up on); the mark moves if it can.</summary>
    public void Finish(long id)
    {
        if (_outstanding.Remove(id))
        {
            _handledAbove.Add(id);
            Advance();
        }
    }

    private void Advance()
    {
        var limit = _outstanding.Count > 0 ? _outstanding.Min : long.MaxValue;
        while (_handledAbove.Count > 0 && _handledAbove.Min < limit)
        {
            Mark = _handledAbove.Min;
            _handledAbove.Remove(_handledAbove.Min);
        }
    }
}
