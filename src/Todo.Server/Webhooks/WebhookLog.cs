namespace Todo.Server.Webhooks;

internal static partial class WebhookLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Webhooks: {Attempted} attempt(s) sent, {Delivered} acknowledged.")]
    public static partial void Sent(ILogger logger, int attempted, int delivered);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {Id} failed {Attempts} times; giving up. Last error: {Error}")]
    public static partial void GaveUp(ILogger logger, Guid id, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not make the deliveries of webhook {Id}; trying again at the next poll.")]
    public static partial void EnqueueFailed(ILogger logger, Exception exception, Guid id);

    [LoggerMessage(Level = LogLevel.Error, Message = "The signing secret of webhook {Id} cannot be unprotected.")]
    public static partial void SecretUnreadable(ILogger logger, Exception exception, Guid id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending webhooks failed; trying again at the next poll.")]
    public static partial void RoundFailed(ILogger logger, Exception exception);
}
