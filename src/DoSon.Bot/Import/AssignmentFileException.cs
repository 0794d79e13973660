namespace DoSon.Bot.Import;

/// <summary>An assignment file that could not be read; every problem found is in <see cref="Errors"/>.</summary>
public sealed class AssignmentFileException : Exception
{
    public AssignmentFileException()
        : this([])
    {
    }

    public AssignmentFileException(string message)
        : base(message)
    {
        Errors = [];
    }

    public AssignmentFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public AssignmentFileException(IReadOnlyList<ImportError> errors)
        : base(string.Join("\n", errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<ImportError> Errors { get; }
}
