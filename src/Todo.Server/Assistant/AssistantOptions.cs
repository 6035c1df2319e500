using Microsoft.Extensions.Options;

namespace Todo.Server.Assistant;

public sealed class AssistantOptions
{
    public const string Section = "Assistant";
    public const string BuiltIn = "builtin";
    public const string OpenAI = "openai";

    /// <summary><c>builtin</c> (the language engine written here) or <c>openai</c> (any OpenAI-compatible server).</summary>
    public string Provider { get; set; } = BuiltIn;

    /// <summary>The OpenAI-compatible base address, e.g. https://api.openai.com/v1 or http://localhost:11434/v1.</summary>
    public Uri? Endpoint { get; set; }

    public string? Model { get; set; }

    /// <summary>Secret: set it through the environment (Assistant__ApiKey).</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one turn may take, tools included; then the answer is a 504.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
}

internal sealed class AssistantOptionsValidator : IValidateOptions<AssistantOptions>
{
    public ValidateOptionsResult Validate(string? name, AssistantOptions options)
    {
        var failures = new List<string>();
        switch (options.Provider.ToLowerInvariant())
        {
            case AssistantOptions.BuiltIn:
                break;
            case AssistantOptions.OpenAI:
                if (options.Endpoint is null || !options.Endpoint.IsAbsoluteUri)
                {
                    failures.Add("Assistant:Endpoint must be an absolute URL when Assistant:Provider is openai.");
                }

                if (string.IsNullOrWhiteSpace(options.Model))
                {
                    failures.Add("Assistant:Model is required when Assistant:Provider is openai.");
                }

                break;
            default:
                failures.Add($"Assistant:Provider '{options.Provider}' is unknown; use builtin or openai.");
                break;
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add("Assistant:Timeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
