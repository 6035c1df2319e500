using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Todo.Server.Accounts;
using Todo.Server.Data;
using Todo.Server.Text;

namespace Todo.Server.Http;

/// <summary>
/// What every API route shares: snake_case JSON, RFC 9457 problem details for every error (malformed JSON 400,
/// wrong content type 415, body over 1 MiB 413, missing token or removed account 401, database down or not
/// writable 503), and framework validation.
/// </summary>
public static class ApiConventions
{
    public const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>The API's JSON settings, for code that serialises outside a response (stored answers, events).</summary>
    public static readonly JsonSerializerOptions Json = CreateJsonOptions();

    public static WebApplicationBuilder AddApiConventions(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.ConfigureHttpJsonOptions(options => Configure(options.SerializerOptions));
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Type ??= Problems.TypeFor(context.ProblemDetails.Status ?? 500);
        });
        services.AddValidation();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        });
        return builder;
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(json);
        json.MakeReadOnly(populateMissingResolver: true);
        return json;
    }

    public static void Configure(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        json.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
    }

    public static WebApplication UseApiConventions(this WebApplication app)
    {
        DbCommandCounter.UseDbCommandsHeader(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(RejectOversizedBodies);
        return app;
    }

    /// <summary>Answers 413 before reading a body whose declared length is over the limit, on any server.</summary>
    private static async Task RejectOversizedBodies(HttpContext context, RequestDelegate next)
    {
        if (context.Request.ContentLength > MaxRequestBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            context.Response.Headers.Connection = "close";
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = Problems.Create(
                    StatusCodes.Status413PayloadTooLarge, "Payload too large", "The request body is larger than 1 MiB."),
            });
            return;
        }

        await next(context);
    }
}

/// <summary>
/// Turns failures into problem details: bad requests keep their 4xx status, a removed account is a 401 like an unknown
/// token, an unreachable or unwritable database is a 503 with Retry-After (a warning in the log; only a 500 is an error).
/// </summary>
internal sealed partial class ApiExceptionHandler(
    IProblemDetailsService problems, ActiveUserCheck activeUsers, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var fieldProblem = exception switch
        {
            InvalidTextException invalid => Problems.Validation(invalid.Field, invalid.Reason),
            BadHttpRequestException { InnerException: JsonException { Path: ['$', '.', .. var field] } json } =>
                Problems.Validation(field, DescribeJsonValue(json)),
            BadHttpRequestException { Message: var message } when UnboundParameter().Match(message) is { Success: true } unbound =>
                Problems.Validation(
                    JsonNamingPolicy.SnakeCaseLower.ConvertName(unbound.Groups["name"].Value),
                    $"The value is not a valid {Describe(unbound.Groups["type"].Value)}."),
            _ => null,
        };
        if (fieldProblem is not null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = fieldProblem });
        }

        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", DescribeBadRequest(bad)),
            AccountGoneException => (StatusCodes.Status401Unauthorized, "Unauthorized", "Your account no longer exists; sign in again."),
            _ when DatabaseErrors.IsUnavailable(exception) =>
                (StatusCodes.Status503ServiceUnavailable, "Service unavailable", DatabaseErrors.DescribeUnavailable(exception)),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested =>
                (StatusCodes.Status499ClientClosedRequest, "Client closed request", "The request was cancelled."),
            _ => (StatusCodes.Status500InternalServerError, "Internal error", "An unexpected error occurred."),
        };

        switch (status)
        {
            case StatusCodes.Status401Unauthorized when exception is AccountGoneException gone:
                // The token outlived its account: from now on authentication turns it away, as it does any unknown user's.
                activeUsers.Forget(gone.UserId);
                context.Response.Headers.WWWAuthenticate = InvalidTokenChallenge;
                LogAccountGone(logger, gone.UserId);
                break;
            case StatusCodes.Status503ServiceUnavailable:
                context.Response.Headers.RetryAfter = "5";
                LogUnavailable(logger, exception);
                break;
            case >= 500:
                LogFailure(logger, status, exception);
                break;
        }

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = Problems.Create(status, status == 413 ? "Payload too large" : title, detail),
        });
    }

    /// <summary>The framework's words for a route or query value it could not convert: "Failed to bind parameter "int? limit" from "x"."</summary>
    [System.Text.RegularExpressions.GeneratedRegex("""^Failed to bind parameter "(?<type>[\w.?<>]+) (?<name>\w+)" from """)]
    private static partial System.Text.RegularExpressions.Regex UnboundParameter();

    /// <summary>What a parameter's type is called for a person: "Guid?" and "Nullable&lt;Guid&gt;" are an id.</summary>
    private static string Describe(string type) =>
        type.Replace("Nullable<", "", StringComparison.Ordinal).TrimEnd('>', '?') switch
        {
            "int" or "long" or "Int32" or "Int64" => "whole number",
            "Guid" => "id",
            "DateTime" or "DateTimeOffset" => "date and time",
            "bool" or "Boolean" => "true or false",
            var other => other,
        };

    /// <summary>A field whose JSON value could not be read: a wrong type, or a string that is not valid Unicode.</summary>
    private static string DescribeJsonValue(JsonException exception) =>
        exception.InnerException is InvalidOperationException { Message: var reason } && reason.Contains("UTF-16", StringComparison.Ordinal)
            ? "The text is not valid Unicode (it contains an unpaired surrogate)."
            : "The value is not of the type this field takes, or is not valid JSON.";

    /// <summary>What the JWT bearer handler answers a token it refused: the scheme only, never the reason.</summary>
    private const string InvalidTokenChallenge = "Bearer";

    private static string DescribeBadRequest(BadHttpRequestException exception) => exception switch
    {
        { StatusCode: StatusCodes.Status413PayloadTooLarge } => "The request body is larger than 1 MiB.",
        { StatusCode: StatusCodes.Status415UnsupportedMediaType } => "Send the body as application/json.",
        { InnerException: JsonException { Path: { } path } } => $"The request body is not valid JSON for this route (at {path}).",
        { InnerException: JsonException } => "The request body is not valid JSON for this route.",
        { Message: var message } when message.StartsWith("Implicit body inferred for parameter", StringComparison.Ordinal)
                                      || (message.StartsWith("Required parameter", StringComparison.Ordinal)
                                          && message.EndsWith("from body.", StringComparison.Ordinal)) =>
            "The request body is empty or null; send a JSON object with the fields this route takes.",
        _ => exception.Message,
    };

    [LoggerMessage(LogLevel.Error, "Request failed with {Status}")]
    private static partial void LogFailure(ILogger logger, int status, Exception exception);

    [LoggerMessage(LogLevel.Warning, "Request answered 503: the database is unavailable or not writable")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Information, "Request answered 401: account {UserId} no longer exists")]
    private static partial void LogAccountGone(ILogger logger, Guid userId);
}
