namespace Todo.Server.Reminders;

internal static partial class ReminderLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Fired {Count} reminders ({Late} late).")]
    public static partial void Fired(ILogger logger, int count, int late);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not signal user {UserId} of a notification.")]
    public static partial void SignalFailed(ILogger logger, Exception exception, Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Firing reminders failed; trying again at the next poll.")]
    public static partial void FiringFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look for notifications left unsent.")]
    public static partial void CatchUpFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Emailing notification {Id} failed {Attempts} times; giving up.")]
    public static partial void EmailGaveUp(ILogger logger, Exception exception, Guid id, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Emailing notification {Id} failed (attempt {Attempt}); trying again.")]
    public static partial void EmailFailed(ILogger logger, Exception exception, Guid id, int attempt);
}
