using Todo.Server.Data;
using Todo.Server.Text;

namespace Todo.Server.Chat;

/// <summary>The text rules of chat messages and conversation titles (see <see cref="TextRule"/>).</summary>
public static class ChatText
{
    public static readonly TextRule Message = new() { Noun = "message", MaxLength = Limits.MessageMaxLength, Multiline = true };

    public static readonly TextRule ConversationTitle = new() { Noun = "title", MaxLength = Limits.ConversationTitleMaxLength };
}

/// <summary>A chat message (<see cref="ChatText.Message"/>).</summary>
public sealed class MessageTextAttribute() : TextRuleAttribute(ChatText.Message);

/// <summary>A conversation's title (<see cref="ChatText.ConversationTitle"/>).</summary>
public sealed class ConversationTitleAttribute() : TextRuleAttribute(ChatText.ConversationTitle);
