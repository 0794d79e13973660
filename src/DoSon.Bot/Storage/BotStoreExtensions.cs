using DoSon.Bot.Domain;

namespace DoSon.Bot.Storage;

public static class BotStoreExtensions
{
    /// <summary>The histories of these tasks, read before a report is built, as the lookup the report's
    /// pure builders take; a task not among them has no history.</summary>
    public static async Task<Func<string, IReadOnlyList<ProgressReport>>> GetHistoriesAsync(
        this IBotStore store, IEnumerable<WorkTask> tasks, CancellationToken cancellationToken = default)
    {
        var histories = new Dictionary<string, IReadOnlyList<ProgressReport>>(StringComparer.OrdinalIgnoreCase);
        foreach (var task in tasks)
        {
            histories[task.Code] = await store.GetHistoryAsync(task.Code, cancellationToken);
        }

        return code => histories.TryGetValue(code, out var history) ? history : [];
    }
}
