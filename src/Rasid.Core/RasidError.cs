namespace Rasid.Core;

/// <summary>
/// An expected failure with a stable code (STYLE.md §13): bad input is reported with the input's name and the
/// problem, never as a stack trace.
/// </summary>
public sealed class RasidException : Exception
{
    public RasidException(string code, string input, string problem)
        : base($"{code}: {input}: {problem}")
    {
        Code = code;
        Input = input;
        Problem = problem;
    }

    public RasidException()
        : this("E000", "(unknown)", "unspecified error")
    {
    }

    public RasidException(string message)
        : this("E000", "(unknown)", message)
    {
    }

    public RasidException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "E000";
        Input = "(unknown)";
        Problem = message;
    }

    /// <summary>Stable error code, e.g. E101 (see docs/errors.md).</summary>
    public string Code { get; } = "E000";

    /// <summary>The file, document or request the problem is in.</summary>
    public string Input { get; } = "(unknown)";

    public string Problem { get; } = string.Empty;
}
