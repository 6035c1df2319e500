using Todo.Server.Data;

namespace Todo.Server.Components;

/// <summary>What the page tells a person when a request fails; the details go to the log.</summary>
public static class FailureText
{
    public const string Unavailable = "The server can't reach its database right now. Try again in a moment.";

    public static string For(Exception exception, string action) => exception switch
    {
        _ when DatabaseErrors.IsNotWritable(exception) =>
            $"Couldn't {action}: the database is not accepting changes right now. Try again in a moment.",
        _ when DatabaseErrors.IsUnavailable(exception) =>
            $"Couldn't {action}: the server can't reach its database right now. Try again in a moment.",
        _ => $"Couldn't {action}. Something went wrong on the server; try again.",
    };
}

internal static partial class WebUiLog
{
    [LoggerMessage(LogLevel.Warning, "The web page could not {Action}")]
    public static partial void RequestFailed(ILogger logger, string action, Exception exception);
}
