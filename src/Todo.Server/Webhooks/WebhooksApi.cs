using System.Buffers.Binary;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Todo.Server.Accounts;
using Todo.Server.Http;

namespace Todo.Server.Webhooks;

/// <summary>/api/webhooks: registering, listing and deleting webhooks, and their delivery logs.</summary>
public static class WebhooksApi
{
    /// <summary>The webhooks, their HTTP client (no redirects, no proxy, the SSRF rule at connect time) and the dispatcher that runs on every server copy.</summary>
    public static WebApplicationBuilder AddWebhooks(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section)
            .Validate(o => o.IsValid(), "Webhooks settings are out of range (see WebhookOptions).").ValidateOnStart();
        services.AddSingleton<WebhookTargets>();
        services.AddSingleton<WebhookSecrets>();
        services.AddScoped<WebhookService>();
        services.AddHttpClient(WebhookDispatcher.HttpClientName, client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var targets = provider.GetRequiredService<WebhookTargets>();
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseProxy = false, // a proxy would connect on our behalf, past the address check
                    UseCookies = false,
                    ConnectCallback = targets.ConnectAsync,
                    ConnectTimeout = TimeSpan.FromSeconds(10),
                    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                };
            });
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService<WebhookDispatcherLoop>();
        return builder;
    }

    public static RouteGroupBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/api/webhooks").WithTags("Webhooks").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        webhooks.MapPost("/", CreateAsync).WithName("CreateWebhook")
            .WithSummary("Register a URL to be sent your task events")
            .WithDescription("""
                The answer carries the signing secret ("whsec_…"), shown only here. Each delivery is a POST of {type, timestamp,
                data: the activity event} signed per the Standard Webhooks spec (webhook-id, webhook-timestamp, webhook-signature).
                The URL must be http or https on a public address.
                """)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        webhooks.MapGet("/", ListAsync).WithName("ListWebhooks").WithSummary("Your webhooks (without their secrets)");
        webhooks.MapGet("/{id:guid}", GetAsync).WithName("GetWebhook").WithSummary("One webhook")
            .ProducesProblem(StatusCodes.Status404NotFound);
        webhooks.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteWebhook").WithSummary("Delete a webhook and its delivery log")
            .ProducesProblem(StatusCodes.Status404NotFound);
        webhooks.MapGet("/{id:guid}/deliveries", DeliveriesAsync).WithName("ListWebhookDeliveries")
            .WithSummary("The webhook's delivery log, newest event first: attempts, status code, error, next attempt")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return webhooks;
    }

    private static async Task<Results<Created<CreatedWebhookDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateWebhookRequest request, ClaimsPrincipal user, WebhookService webhooks, CancellationToken cancellationToken)
    {
        try
        {
            var (webhook, secret) = await webhooks.CreateAsync(user.GetUserId(), request.Url, request.Events, cancellationToken);
            var dto = WebhookDto.From(webhook);
            return TypedResults.Created($"/api/webhooks/{webhook.Id}", new CreatedWebhookDto(dto.Id, dto.Url, dto.Events, dto.CreatedAt, secret));
        }
        catch (WebhookRefusedException refused) when (refused.Field is { } field)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [refused.Message] });
        }
        catch (WebhookRefusedException refused)
        {
            return TypedResults.Problem(Problems.Create(StatusCodes.Status409Conflict, "Too many webhooks", refused.Message));
        }
    }

    private static async Task<Ok<WebhookListResponse>> ListAsync(ClaimsPrincipal user, WebhookService webhooks, CancellationToken cancellationToken)
    {
        var items = await webhooks.ListAsync(user.GetUserId(), cancellationToken);
        return TypedResults.Ok(new WebhookListResponse([.. items.Select(i => WebhookDto.From(i.Webhook))]));
    }

    private static async Task<Results<Ok<WebhookDto>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, WebhookService webhooks, CancellationToken cancellationToken) =>
        await webhooks.FindAsync(user.GetUserId(), id, cancellationToken) is { } webhook ? TypedResults.Ok(WebhookDto.From(webhook)) : NotFound();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal user, WebhookService webhooks, CancellationToken cancellationToken) =>
        await webhooks.DeleteAsync(user.GetUserId(), id, cancellationToken) ? TypedResults.NoContent() : NotFound();

    private static async Task<Results<Ok<WebhookDeliveryPage>, ValidationProblem, ProblemHttpResult>> DeliveriesAsync(
        Guid id,
        ClaimsPrincipal user,
        WebhookService webhooks,
        CancellationToken cancellationToken,
        [Description("Deliveries per page, 1–100.")]
        [Range(1, WebhookService.MaxLimit, ErrorMessage = "limit must be between {1} and {2}.")]
        int limit = WebhookService.DefaultLimit,
        [Description("The previous page's next_cursor.")]
        string? cursor = null)
    {
        long? before = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            if (!PageCursor.TryDecode(cursor, PageCursorKind.WebhookDeliveries, out var fields) || fields.Length != sizeof(long))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["cursor"] = ["The cursor is not one this server issued; start again without it."],
                });
            }

            before = BinaryPrimitives.ReadInt64LittleEndian(fields);
        }

        if (await webhooks.DeliveriesAsync(user.GetUserId(), id, limit, before, cancellationToken) is not { } page)
        {
            return NotFound();
        }

        string? next = null;
        if (page.Next is { } position)
        {
            var fields = new byte[sizeof(long)];
            BinaryPrimitives.WriteInt64LittleEndian(fields, position);
            next = PageCursor.Encode(PageCursorKind.WebhookDeliveries, fields);
        }

        return TypedResults.Ok(new WebhookDeliveryPage([.. page.Items.Select(WebhookDeliveryDto.From)], next));
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(Problems.Create(StatusCodes.Status404NotFound, "Webhook not found", "You have no webhook with this id."));
}
