using System.Text;

namespace DoSon.Bot.Tests.Fakes;

/// <summary>A terminal a test can read and wait on: WaitForAsync completes when the text appears,
/// without polling or sleeping.</summary>
public sealed class ObservableWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly Lock _gate = new();
    private readonly List<(string Needle, TaskCompletionSource Signal)> _waiters = [];

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Append(value.ToString());

    public override void Write(string? value) => Append(value ?? "");

    public override string ToString()
    {
        lock (_gate)
        {
            return _text.ToString();
        }
    }

    public Task WaitForAsync(string needle, TimeSpan? safety = null)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_text.ToString().Contains(needle, StringComparison.Ordinal))
            {
                return Task.CompletedTask;
            }

            _waiters.Add((needle, signal));
        }

        // The timeout is only a safety net so a broken test fails instead of hanging.
        return signal.Task.WaitAsync(safety ?? TimeSpan.FromSeconds(30));
    }

    private void Append(string value)
    {
        List<TaskCompletionSource> done = [];
        lock (_gate)
        {
            _text.Append(value);
            var all = _text.ToString();
            foreach (var waiter in _waiters.Where(w => all.Contains(w.Needle, StringComparison.Ordinal)).ToList())
            {
                _waiters.Remove(waiter);
                done.Add(waiter.Signal);
            }
        }

        done.ForEach(s => s.TrySetResult());
    }
}
