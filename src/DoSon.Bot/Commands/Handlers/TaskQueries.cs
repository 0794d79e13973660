using DoSon.Bot.Domain;
using DoSon.Bot.Storage;

namespace DoSon.Bot.Commands.Handlers;

/// <summary>The lists the read-only commands show, all filtered by what the caller may see.</summary>
public sealed class TaskQueries(IBotStore store, TimeProvider time)
{
    public DateOnly Today => WardClock.Today(time);

    public IReadOnlyList<WorkTask> OpenInScope(Member caller) =>
        store.GetTasks().Where(t => !t.IsDone && AccessPolicy.IsInScope(caller, t)).ToList();

    public IReadOnlyList<WorkTask> Visible(Member caller) =>
        store.GetTasks().Where(t => AccessPolicy.CanSee(caller, t)).ToList();

    public static bool TryPercent(string text, out int percent)
    {
        var t = text.Trim().TrimEnd('%');
        return int.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out percent)
               && percent is >= 0 and <= 100;
    }

    public static string RestAfter(CommandContext context, int words)
    {
        var rest = context.Arguments;
        for (var i = 0; i < words; i++)
        {
            rest = rest.TrimStart();
            var space = rest.IndexOfAny([' ', '\n']);
            rest = space < 0 ? "" : rest[(space + 1)..];
        }

        return rest.Trim();
    }
}
