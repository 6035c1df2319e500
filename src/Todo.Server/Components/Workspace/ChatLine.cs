using Todo.Server.Chat;

namespace Todo.Server.Components.Workspace;

/// <summary>One message as the assistant panel shows it; the reply being streamed grows in place.</summary>
public sealed class ChatLine(bool fromUser, string text)
{
    public Guid? Id { get; set; }

    public bool FromUser { get; } = fromUser;

    public string Text { get; set; } = text;

    public List<string> Tools { get; } = [];

    public static ChatLine From(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(message.Role == MessageRole.User, message.Content) { Id = message.Id };
    }
}

/// <summary>How a conversation is named in the panel: its title, or "Untitled conversation".</summary>
public static class ConversationTitles
{
    public static string Of(ConversationDto conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return string.IsNullOrWhiteSpace(conversation.Title) ? "Untitled conversation" : conversation.Title;
    }
}
