using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;
using Todo.Server.Assistant.BuiltIn;
using Todo.Server.Chat;

namespace Todo.Server.Assistant;

public static class AssistantRegistration
{
    /// <summary>
    /// The model behind the chat, chosen by Assistant:Provider, wrapped in Microsoft.Extensions.AI's function
    /// invocation loop so the same tools run for either; plus the chat and conversation services.
    /// </summary>
    public static WebApplicationBuilder AddAssistant(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AssistantOptions>().BindConfiguration(AssistantOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AssistantOptions>, AssistantOptionsValidator>();
        services.AddOptions<ChatSettings>().BindConfiguration(ChatSettings.Section);

        // Function invocation outside the OpenTelemetry client: it takes that client's source for its execute_tool spans.
        services.AddChatClient(CreateModel).UseFunctionInvocation().UseOpenTelemetry();

        services.AddScoped<ChatService>();
        services.AddScoped<ChatTurns>();
        services.AddScoped<ConversationService>();
        services.AddScoped<IdempotencyStore>();
        services.AddSingleton<ConversationRetention>();
        services.AddHostedService<ConversationRetentionJob>();
        return builder;
    }

    private static IChatClient CreateModel(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<AssistantOptions>>().Value;
        if (!string.Equals(options.Provider, AssistantOptions.OpenAI, StringComparison.OrdinalIgnoreCase))
        {
            return new BuiltInChatClient(services.GetRequiredService<TimeProvider>());
        }

        // Local servers (Ollama, vLLM, LM Studio) take any key; the client library requires one.
        var credential = new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "unused" : options.ApiKey);
        var client = new OpenAIClient(credential, new OpenAIClientOptions { Endpoint = options.Endpoint, NetworkTimeout = options.Timeout });
        return client.GetChatClient(options.Model).AsIChatClient();
    }
}
