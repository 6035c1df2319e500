using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Todo.Server.Accounts;
using Todo.Server.Chat;
using Todo.Server.Lists;
using Todo.Server.Tasks;
using Todo.Server.Tasks.QuickAdd;
using Todo.Server.Tokens;

namespace Todo.Server.Http;

/// <summary>
/// What the OpenAPI schemas say of the API's JSON fields: a description for each wire name (one glossary, since a name
/// means the same in every object, with a few names that mean something of their own in one type), an example of each
/// request body (on the operation's media type), nullable fields left out of <c>required</c> (a missing nullable field is
/// read as null), numbers as numbers only, and a problem's detail as the message of a Kiota client's exception.
/// </summary>
internal static class ApiSchemas
{
    /// <summary>Each field by its wire name; "Type.field" where one type uses a name in its own way.</summary>
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["id"] = "The id (a UUID).",
        ["number"] = "The task's number for its owner (1, 2, 3, … never reused): what \"task 3\" means in chat and MCP.",
        ["title"] = "The title.",
        ["description"] = "Longer text about the task, or null.",
        ["created_at"] = "When it was created (UTC).",
        ["updated_at"] = "When it last changed (UTC).",
        ["completed_at"] = "When it was completed (UTC), or null while pending.",
        ["is_completed"] = "Whether the task is completed.",
        ["items"] = "This page's items.",
        ["next_cursor"] = "Pass as cursor for the next page; null on the last page.",
        ["list"] = "The list the task is in.",
        ["list_id"] = "A list of yours, by id; absent or null is the Inbox.",
        ["labels"] = "Labels, each up to 50 characters, without the @.",
        ["label"] = "A label, without the @.",
        ["priority"] = "none, low, medium or high.",
        ["due"] = "The due date: null for none. In a request, null removes the due (and its reminders) and a string is read as due_string.",
        ["due_string"] = "A due in English, read in your time zone: \"tomorrow at 5pm\", \"friday\", \"every monday at 9am\", \"every! 3 days\".",
        ["due_date"] = "An all-day due, YYYY-MM-DD.",
        ["due_datetime"] = "A timed due, RFC 3339 with its offset (2026-12-24T17:30:00+01:00).",
        ["reminders"] = "Reminders: {\"at\": moment} or {\"minutes_before\": 0–40320}. Sent, they replace the task's reminders; null or [] removes them.",
        ["at"] = "The moment (RFC 3339).",
        ["minutes_before"] = "Minutes before the due it fires, or null for a fixed moment.",
        ["date"] = "The due day, YYYY-MM-DD.",
        ["datetime"] = "The due moment (RFC 3339 with the zone's offset), or null for an all-day due.",
        ["time"] = "The due time of day (HH:mm), or null for an all-day due.",
        ["timezone"] = "The IANA time zone of a timed due, or null for an all-day due.",
        ["string"] = "The due in words, as the server would write it.",
        ["is_recurring"] = "Whether the due repeats.",
        ["recurrence"] = "The repetition as an RFC 5545 RRULE (FREQ=WEEKLY;BYDAY=MO), or null.",
        ["from_completion"] = "Whether the repetition counts from completion (\"every!\").",
        ["email"] = "The account's email address.",
        ["password"] = "The password (at least 8 characters to sign up).",
        ["time_zone"] = "An IANA time zone id such as Europe/Berlin; dates in words are read in it.",
        ["is_active"] = "Whether the account may sign in.",
        ["access_token"] = "The bearer token for the Authorization header.",
        ["token_type"] = "Always bearer.",
        ["expires_in"] = "Seconds until the token expires.",
        ["user"] = "The signed-in user.",
        ["name"] = "The name.",
        ["prefix"] = "The token's first characters, not secret, to tell tokens apart.",
        ["token"] = "The token itself (todo_pat_…), shown only in this answer.",
        ["expires_at"] = "When it expires (UTC), or null for never.",
        ["expires_in_days"] = "Days until the token expires, 1–365; absent: it never expires.",
        ["last_used_at"] = "When it was last used (UTC), or null.",
        ["is_inbox"] = "Whether this is the Inbox, which cannot be renamed or deleted.",
        ["pending_count"] = "How many pending tasks the list holds.",
        ["task_count"] = "How many tasks carry the label.",
        ["task"] = "The task, by id, number and title.",
        ["source"] = "Where the change came from: api, web, assistant, mcp, import or system.",
        ["kind"] = "created, updated, completed, reopened, deleted, restored, moved or recurred.",
        ["changes"] = "Each changed field, with its value before and after.",
        ["batch_id"] = "The batch the changes belong to: what undo takes back.",
        ["undone"] = "Whether the batch was undone.",
        ["UndoResponse.undone"] = "How many tasks the undo changed.",
        ["undone_batch_id"] = "The batch this undo took back.",
        ["deleted_at"] = "When it was deleted (UTC).",
        ["matched"] = "How many tasks the ids or filter named.",
        ["changed"] = "How many tasks changed.",
        ["failed"] = "The tasks that could not be changed, and why.",
        ["detail"] = "What went wrong.",
        ["line"] = "The line (or the task's position) at fault.",
        ["created"] = "How many tasks were made.",
        ["skipped"] = "How many entries were skipped.",
        ["errors"] = "What could not be read, by line.",
        ["HttpValidationProblemDetails.errors"] = "The fields at fault, each with what is wrong.",
        ["format"] = "Always todo-export.",
        ["version"] = "The export format's version (1).",
        ["exported_at"] = "When the export was made (UTC).",
        ["lists"] = "Your lists.",
        ["tasks"] = "Your tasks, in number order.",
        ["url"] = "The address.",
        ["events"] = "Event types (task.created, task.completed, …) or \"*\" for all.",
        ["secret"] = "The signing secret of the deliveries' signature header, shown only in this answer.",
        ["event_id"] = "The activity event delivered.",
        ["status"] = "The state.",
        ["WebhookDeliveryDto.status"] = "pending, delivered or failed.",
        ["WebhookDeliveryDto.type"] = "The event type, such as task.created.",
        ["attempts"] = "How many attempts were made.",
        ["status_code"] = "The HTTP status of the last attempt, or null.",
        ["error"] = "Why the last attempt failed, or null.",
        ["next_attempt_at"] = "When the next attempt is due (UTC), or null.",
        ["last_attempt_at"] = "When the last attempt was made (UTC), or null.",
        ["delivered_at"] = "When it was delivered (UTC), or null.",
        ["due_at"] = "When the reminder was due.",
        ["late"] = "Whether it fired late (the servers were down at its time).",
        ["read_at"] = "When you marked it read (UTC), or null.",
        ["conversation_id"] = "The conversation to continue; absent or null starts a new one.",
        ["message"] = "What you say to the assistant.",
        ["response"] = "The assistant's answer.",
        ["tool_calls"] = "The tools the assistant called, with their arguments and results.",
        ["arguments"] = "The arguments the tool was called with.",
        ["result"] = "What the tool answered.",
        ["role"] = "Who wrote the message: user or assistant.",
        ["content"] = "The message's text.",
        ["text"] = "One line: a title with #List, @label, !priority and a date phrase, which are taken out.",
        ["type"] = "A URI that names the kind of problem.",
        ["instance"] = "The request the problem is about, when given.",
        ["ProblemDetails.status"] = "The HTTP status code.",
        ["HttpValidationProblemDetails.status"] = "The HTTP status code.",
        ["ProblemDetails.title"] = "A short summary of the kind of problem.",
        ["HttpValidationProblemDetails.title"] = "A short summary of the kind of problem.",
        ["CalendarFeedStatus.created_at"] = "When the feed's address was made (UTC).",
        ["CalendarFeedAddress.url"] = "The feed's secret address for a calendar app.",
        ["resource"] = "The protected resource's URL.",
        ["resource_name"] = "A name for people.",
        ["authorization_servers"] = "The OAuth authorization servers' issuer URLs.",
        ["scopes_supported"] = "The scopes the resource understands.",
        ["bearer_methods_supported"] = "How the token is sent (header).",
        ["client_id"] = "The registered client's id.",
        ["client_id_issued_at"] = "When the client was registered (seconds since the epoch).",
        ["client_name"] = "The client's name, shown on the consent page.",
        ["redirect_uris"] = "Where the authorization response may be sent.",
        ["grant_types"] = "authorization_code and refresh_token.",
        ["response_types"] = "code.",
        ["token_endpoint_auth_method"] = "none: a public client.",
        ["scope"] = "The scopes asked for, space-separated.",
        ["error_description"] = "What is wrong with the registration.",
    };

    /// <summary>An example of each request body, as a client would send it.</summary>
    private static readonly Dictionary<Type, string> RequestExamples = new()
    {
        [typeof(RegisterRequest)] = """{"email": "ada@example.com", "password": "correct horse battery", "time_zone": "Europe/London"}""",
        [typeof(LoginRequest)] = """{"email": "ada@example.com", "password": "correct horse battery"}""",
        [typeof(UpdateMeRequest)] = """{"time_zone": "America/New_York"}""",
        [typeof(CreateTokenRequest)] = """{"name": "backup script", "expires_in_days": 90}""",
        [typeof(CreateTaskRequest)] = """{"title": "Buy milk", "description": "Semi-skimmed", "labels": ["errands"], "priority": "high", "due_string": "tomorrow at 5pm", "reminders": [{"minutes_before": 30}]}""",
        [typeof(QuickAddRequest)] = """{"text": "Call the plumber #Home @urgent !high friday at 9am"}""",
        [typeof(ReplaceTaskRequest)] = """{"title": "Buy oat milk", "description": null}""",
        [typeof(PatchTaskRequest)] = """{"is_completed": true}""",
        [typeof(ListNameRequest)] = """{"name": "Work"}""",
        [typeof(ChatRequest)] = """{"message": "add a task to buy milk tomorrow"}""",
        [typeof(RenameConversationRequest)] = """{"title": "Groceries"}""",
    };

    public static Task Describe(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        // The server also reads numbers written as strings (JsonSerializerDefaults.Web), but writes numbers and clients
        // should send numbers: "integer or string" would make generated types a union.
        if (schema.Type is { } kind && kind.HasFlag(JsonSchemaType.String)
            && (kind.HasFlag(JsonSchemaType.Integer) || kind.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = kind & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        // Properties are described by the object that holds them (also when the object is itself a property's type).
        var type = context.JsonTypeInfo.Type;
        if (schema.Properties is not { Count: > 0 } properties)
        {
            return Task.CompletedTask;
        }

        if (type == typeof(ProblemDetails) && properties.TryGetValue("detail", out var detail) && detail is OpenApiSchema detailSchema)
        {
            // Kiota makes this the message of the exception a problem answer throws.
            detailSchema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            detailSchema.Extensions["x-ms-primary-error-message"] = new JsonNodeExtension(JsonValue.Create(true));
        }

        DescribeProperties(type.Name, properties);
        foreach (var (name, property) in properties)
        {
            if (IsNullable(property))
            {
                schema.Required?.Remove(name);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The document's components once complete: a property whose type is another component is a reference only then,
    /// after the schema transformers ran.
    /// </summary>
    public static void DescribeComponents(OpenApiDocument document)
    {
        foreach (var (name, schema) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (schema is OpenApiSchema { Properties: { Count: > 0 } properties })
            {
                DescribeProperties(name, properties);
            }
        }
    }

    private static void DescribeProperties(string typeName, IDictionary<string, IOpenApiSchema> properties)
    {
        foreach (var (name, property) in properties)
        {
            if (string.IsNullOrEmpty(property.Description)
                && (Fields.TryGetValue(typeName + "." + name, out var description) || Fields.TryGetValue(name, out description)))
            {
                switch (property)
                {
                    case OpenApiSchema concrete:
                        concrete.Description = description;
                        break;
                    case OpenApiSchemaReference reference:
                        reference.Description = description;
                        break;
                }
            }
        }
    }

    /// <summary>An example body of the request type, or null.</summary>
    public static JsonNode? RequestExample(Type type) =>
        RequestExamples.TryGetValue(type, out var example) ? JsonNode.Parse(example) : null;

    /// <summary>A query or path parameter the handler does not describe, by its name and the route.</summary>
    public static string? DescribeParameter(string? name, string route) => name switch
    {
        "id" => "The id of your " + Resource(route) + ".",
        "secret" => "The calendar feed's secret, from POST /api/calendar-feed.",
        "limit" => "How many per page, 1–100.",
        "cursor" => "The previous page's next_cursor.",
        "before" => "Only messages older than this message id (the oldest one you have), for the page before.",
        _ => null,
    };

    private static string Resource(string route)
    {
        var segments = route.Split('/');
        var before = Array.IndexOf(segments, "{id}") - 1;
        return (before >= 0 ? segments[before] : "") switch
        {
            "tasks" => "task",
            "trash" => "task in the trash",
            "tokens" => "personal access token",
            "webhooks" => "webhook",
            "lists" => "list",
            "notifications" => "notification",
            "conversations" => "conversation",
            var other => other.TrimEnd('s'),
        };
    }

    private static bool IsNullable(IOpenApiSchema property) =>
        (property.Type is { } type && type.HasFlag(JsonSchemaType.Null))
        || property.OneOf?.Any(option => option.Type == JsonSchemaType.Null) == true;
}
