using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Todo.Server.Chat;

public sealed record ChatRequest(
    Guid? ConversationId,
    [property: Required(AllowEmptyStrings = false, ErrorMessage = "Write a message."),
               MessageText] string Message);

public sealed record ToolCallDto(string Name, JsonElement Arguments, JsonElement Result);

public sealed record ChatTurnDto(Guid ConversationId, string Response, IReadOnlyList<ToolCallDto> ToolCalls);

public sealed record ConversationDto(Guid Id, string? Title, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static ConversationDto From(Conversation conversation) =>
        new(conversation.Id, conversation.Title, conversation.CreatedAt, conversation.UpdatedAt);
}

public sealed record ConversationListResponse(IReadOnlyList<ConversationDto> Items, string? NextCursor);

/// <summary>A stored message; <see cref="ToolCalls"/> are the tools the assistant called before this reply (empty for the user's messages).</summary>
public sealed record MessageDto(Guid Id, MessageRole Role, string Content, DateTime CreatedAt, IReadOnlyList<ToolCallDto> ToolCalls)
{
    public static MessageDto From(Message message) => new(
        message.Id, message.Role, message.Content, message.CreatedAt,
        [.. StoredToolCalls.Read(message.ToolCalls).Select(call => new ToolCallDto(call.Name, call.Arguments, call.Result))]);
}

public sealed record MessageListResponse(IReadOnlyList<MessageDto> Items);

public sealed record RenameConversationRequest(
    [property: Required(AllowEmptyStrings = false, ErrorMessage = "Give the conversation a title."),
               ConversationTitle] string Title);
