namespace DoSon.Bot.Tests.Fakes;

/// <summary>Tests that run after all the others, one class at a time, with the machine to themselves:
/// the browser tests (each drives a Chromium, which takes a whole core of a small CI machine) and the
/// month's replay (a month of reminders through the real scheduler on a fake clock, guarded by a
/// wall-clock safety net that a starved machine can exceed). Run in parallel with everything else,
/// they slowed the others and each other beyond their safety nets.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "runs alone";
}
