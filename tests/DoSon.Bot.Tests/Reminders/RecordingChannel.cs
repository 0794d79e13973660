using System.Collections.Concurrent;
using DoSon.Bot.Domain;
using DoSon.Bot.Messaging;

namespace DoSon.Bot.Tests.Reminders;

/// <summary>A chat platform that records what it accepted, with the fake clock's time, and can be
/// told to fail for a chat or to hold a send until released.</summary>
public sealed class RecordingChannel(TimeProvider time, string name = "fake") : IChatChannel
{
    private readonly ConcurrentQueue<(OutgoingMessage Message, DateTimeOffset At)> _accepted = new();
    private readonly ConcurrentQueue<(string ChatId, DateTimeOffset At)> _attempts = new();
    private long _next;

    public string Name => name;

    /// <summary>Chat id per member; members not in it (when set) have no chat.</summary>
    public Func<Member, string?> ChatIds { get; set; } = m => m.Code;

    /// <summary>Decides, per attempt, whether to throw instead of accepting.</summary>
    public Func<OutgoingMessage, int, Exception?> Failure { get; set; } = (_, _) => null;

    /// <summary>When set, sends to this chat wait for it (a message "in flight").</summary>
    public (string ChatId, TaskCompletionSource Release)? Hold { get; set; }

    public IReadOnlyList<(OutgoingMessage Message, DateTimeOffset At)> Accepted => [.. _accepted];

    public IReadOnlyList<(string ChatId, DateTimeOffset At)> Attempts => [.. _attempts];

    public IReadOnlyList<OutgoingMessage> To(string chatId) => [.. _accepted.Where(a => a.Message.ChatId == chatId).Select(a => a.Message)];

    public TaskCompletionSource HoldStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string? ChatIdOf(Member member) => ChatIds(member);

    /// <summary>How the channel cuts a message into platform messages; unset: whole.</summary>
    public Func<OutgoingMessage, IReadOnlyList<OutgoingMessage>>? Splitter { get; set; }

    public IReadOnlyList<OutgoingMessage> Split(OutgoingMessage message) => Splitter?.Invoke(message) ?? [message];

    public async Task<SentMessage> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var attempt = _attempts.Count(a => a.ChatId == message.ChatId) + 1;
        _attempts.Enqueue((message.ChatId, time.GetUtcNow()));
        if (Hold is { } hold && hold.ChatId == message.ChatId)
        {
            HoldStarted.TrySetResult();
            await hold.Release.Task.WaitAsync(cancellationToken);
        }

        if (Failure(message, attempt) is { } failure)
        {
            throw failure;
        }

        _accepted.Enqueue((message, time.GetUtcNow()));

        return new SentMessage(message.ChatId, Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
