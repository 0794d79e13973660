namespace DoSon.Bot.Reminders;

/// <summary>Asks for one more reminder of a task for one member at a given instant ("nhắc lại sau").</summary>
public interface IReminderSnoozer
{
    Task SnoozeAsync(string taskCode, string memberCode, DateTimeOffset at);
}
