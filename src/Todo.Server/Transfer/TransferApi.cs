using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Todo.Server.Accounts;
using Todo.Server.Components;
using Todo.Server.Http;
using Todo.Server.Lists;

namespace Todo.Server.Transfer;

/// <summary>
/// /api/export (JSON, todo.txt, iCalendar), /api/import, /api/calendar-feed and the feed itself at /calendar/{secret}.ics;
/// and the same downloads for the settings page under its cookie (/settings/export.*). Handlers only translate HTTP to
/// <see cref="TransferService"/> and the formats.
/// </summary>
public static class TransferApi
{
    public const string FeedPathPrefix = "/calendar/";

    public static WebApplicationBuilder AddTransfer(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<TransferService>();
        builder.Services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section)
            .Validate(o => o.MaxTasks >= 1 && o.MaxBytes >= 1, "Import:MaxTasks and Import:MaxBytes must be at least 1.").ValidateOnStart();
        return builder;
    }

    public static RouteGroupBuilder MapTransfer(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Export and import").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapGet("/export", ExportJsonAsync).WithName("ExportJson")
            .WithSummary("Your lists and tasks as JSON, every field you set; POST /api/import takes it back");
        api.MapGet("/export.txt", ExportTodoTxtAsync).WithName("ExportTodoTxt")
            .WithSummary("Your tasks as todo.txt").Produces<string>(StatusCodes.Status200OK, "text/plain");
        api.MapGet("/export.ics", ExportCalendarAsync).WithName("ExportCalendar")
            .WithSummary("Your tasks as iCalendar, one VTODO each").Produces<string>(StatusCodes.Status200OK, "text/calendar");
        api.MapPost("/import", ImportAsync).WithName("Import")
            .WithSummary("Import our JSON export, todo.txt (text/plain) or a Todoist CSV (text/csv)")
            .WithDescription("""
                The whole input is checked before anything is written: a bad row is a 400 naming its line, and nothing is imported.
                Written in one transaction as one batch of the activity history (source "import"), so one undo takes it back.
                Lists named in the input are found by name (ignoring case) or made. Bodies over the size limit are a 413, more
                tasks than Import:MaxTasks a 400, another Content-Type a 415.
                """)
            .Accepts<ExportDocument>("application/json", "text/plain", "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/calendar-feed", GetFeedAsync).WithName("GetCalendarFeed")
            .WithSummary("Whether your calendar feed is on, and since when (its address is shown only when made)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/calendar-feed", CreateFeedAsync).WithName("CreateCalendarFeed")
            .WithSummary("Make a calendar feed address (a new one replaces the old, which stops working at once)");
        api.MapDelete("/calendar-feed", DeleteFeedAsync).WithName("DeleteCalendarFeed")
            .WithSummary("Turn the calendar feed off: its address answers 404 at once").ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet(FeedPathPrefix + "{secret}.ics", FeedAsync).WithName("CalendarFeed").WithTags("Export and import")
            .WithSummary("A calendar feed: your tasks as iCalendar, read without a token by its secret address")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.CalendarFeed);

        // The settings page's downloads: the page signs in with a cookie, which the API does not accept.
        var page = app.MapGroup("/settings").RequireAuthorization(WebUi.SignedInPolicy).ExcludeFromDescription()
            .AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.Response.Headers.CacheControl = "no-store"; // user data, like the API's answers
                return await next(context);
            });
        page.MapGet("/export.json", async (ClaimsPrincipal user, TransferService transfer, CancellationToken cancellationToken) =>
            Download(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes((await transfer.ExportAsync(user.GetUserId(), cancellationToken)).ToDocument(), ApiConventions.Json),
                "application/json", "json"));
        page.MapGet("/export.txt", async (ClaimsPrincipal user, TransferService transfer, CancellationToken cancellationToken) =>
            Download(Encoding.UTF8.GetBytes(await TodoTxtOfAsync(user.GetUserId(), transfer, cancellationToken)), "text/plain; charset=utf-8", "txt"));
        page.MapGet("/export.ics", async (ClaimsPrincipal user, TransferService transfer, CancellationToken cancellationToken) =>
            Download(Encoding.UTF8.GetBytes(CalendarExport.Write(await transfer.ExportAsync(user.GetUserId(), cancellationToken))), CalendarExport.ContentType, "ics"));
        return api;
    }

    private static async Task<Ok<ExportDocument>> ExportJsonAsync(ClaimsPrincipal user, TransferService transfer, CancellationToken cancellationToken) =>
        TypedResults.Ok((await transfer.ExportAsync(user.GetUserId(), cancellationToken)).ToDocument());

    private static async Task<ContentHttpResult> ExportTodoTxtAsync(ClaimsPrincipal user, TransferService transfer, CancellationToken cancellationToken) =>
        TypedResults.Text(await TodoTxtOfAsync(user.GetUserId(), transfer, cancellationToken), "text/plain; charset=utf-8");

    private static async Task<ContentHttpResult> ExportCalendarAsync(ClaimsPrincipal user, TransferService transfer, CancellationToken cancellationToken) =>
        TypedResults.Text(CalendarExport.Write(await transfer.ExportAsync(user.GetUserId(), cancellationToken)), CalendarExport.ContentType);

    private static async Task<string> TodoTxtOfAsync(Guid userId, TransferService transfer, CancellationToken cancellationToken) =>
        TodoTxt.Write(await transfer.ExportAsync(userId, cancellationToken), await transfer.ContextAsync(userId, cancellationToken));

    private static FileContentHttpResult Download(byte[] content, string contentType, string extension) =>
        TypedResults.File(content, contentType,
            $"todo-export-{DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{extension}");

    private static async Task<Results<Ok<ImportResult>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        HttpRequest request,
        ClaimsPrincipal user,
        TransferService transfer,
        CancellationToken cancellationToken,
        [Description("The list for tasks that name none (found by name, ignoring case, or made); without it, the Inbox.")]
        [FromQuery(Name = "list")]
        string? list = null)
    {
        if (FormatOf(request.ContentType) is not { } format)
        {
            return TypedResults.Problem(Problems.Create(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Send application/json (this service's export), text/plain (todo.txt) or text/csv (Todoist's CSV template)."));
        }

        if (list is not null && ListText.Name.Check(list) is { } listProblem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["list"] = [listProblem] });
        }

        var text = await ReadBodyAsync(request.Body, transfer.Limits.MaxBytes, cancellationToken);
        return await RunAsync(user.GetUserId(), format, text, list, transfer, cancellationToken) switch
        {
            ImportOutcome { Result: { } result } => TypedResults.Ok(result),
            ImportOutcome { Problem: { } problem } => TypedResults.Problem(problem),
            _ => throw new InvalidOperationException("An import has a result or a problem."),
        };
    }

    /// <summary>The answer of an import: its result, or the problem that stopped it (a 400, 413 or 415), for the API and the page alike.</summary>
    public sealed record ImportOutcome(ImportResult? Result, ProblemDetails? Problem);

    /// <summary>Reads and checks the whole input, then writes it; any problem is answered before anything is written.</summary>
    public static async Task<ImportOutcome> RunAsync(
        Guid userId, ImportFormat format, BodyText text, string? defaultList, TransferService transfer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(transfer);
        if (text.TooLarge)
        {
            return new(null, Problems.Create(StatusCodes.Status413PayloadTooLarge, "Payload too large",
                $"An import is at most {transfer.Limits.MaxBytes:N0} bytes; split the file and import it in parts."));
        }

        if (text.Text is null)
        {
            return new(null, Refused(null, "The input is not UTF-8 text."));
        }

        ImportPlan plan;
        try
        {
            plan = TransferService.Read(format, text.Text, await transfer.ContextAsync(userId, cancellationToken));
        }
        catch (ImportRejectedException e)
        {
            return new(null, Refused(e.Line, e.Describe()));
        }
        catch (ImportTooLargeException e)
        {
            return new(null, Refused(null, e.Message));
        }

        return new(await transfer.ImportAsync(userId, plan, defaultList, cancellationToken), null);
    }

    private static ProblemDetails Refused(int? line, string detail)
    {
        var problem = Problems.Create(StatusCodes.Status400BadRequest, "The import was refused", detail + " Nothing was imported.");
        if (line is not null)
        {
            problem.Extensions["line"] = line;
        }

        return problem;
    }

    /// <summary>The format a media type names: application/json, text/plain or text/csv; null for any other.</summary>
    public static ImportFormat? FormatOf(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) ? media.MediaType.Value?.ToLowerInvariant() switch
        {
            "application/json" => ImportFormat.Json,
            "text/plain" => ImportFormat.TodoTxt,
            "text/csv" => ImportFormat.TodoistCsv,
            _ => null,
        } : null;

    /// <summary>A body read as UTF-8 text (a byte order mark dropped); <see cref="Text"/> null when it is not UTF-8.</summary>
    public sealed record BodyText(string? Text, bool TooLarge);

    /// <summary>Reads at most <paramref name="maxBytes"/> of <paramref name="body"/>: past that it is too large, whatever it declared.</summary>
    public static async Task<BodyText> ReadBodyAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return new BodyText(null, true);
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var text = new UTF8Encoding(false, true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            return new BodyText(text.StartsWith('\uFEFF') ? text[1..] : text, false);
        }
        catch (DecoderFallbackException)
        {
            return new BodyText(null, false);
        }
    }

    private static async Task<Results<Ok<CalendarFeedStatus>, ProblemHttpResult>> GetFeedAsync(
        ClaimsPrincipal user, TransferService transfer, CancellationToken cancellationToken) =>
        await transfer.FeedCreatedAtAsync(user.GetUserId(), cancellationToken) is { } createdAt
            ? TypedResults.Ok(new CalendarFeedStatus(createdAt))
            : NoFeed();

    private static async Task<Ok<CalendarFeedAddress>> CreateFeedAsync(
        HttpRequest request, ClaimsPrincipal user, TransferService transfer, CancellationToken cancellationToken)
    {
        var secret = await transfer.CreateFeedAsync(user.GetUserId(), cancellationToken);
        return TypedResults.Ok(new CalendarFeedAddress(FeedUrl($"{request.Scheme}://{request.Host}{request.PathBase}", secret)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteFeedAsync(
        ClaimsPrincipal user, TransferService transfer, CancellationToken cancellationToken) =>
        await transfer.DeleteFeedAsync(user.GetUserId(), cancellationToken) ? TypedResults.NoContent() : NoFeed();

    /// <summary>The feed's address under <paramref name="origin"/> (scheme, host and base path, no trailing slash).</summary>
    public static string FeedUrl(string origin, string secret) => $"{origin.TrimEnd('/')}{FeedPathPrefix}{secret}.ics";

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> FeedAsync(
        string secret, HttpResponse response, TransferService transfer, CancellationToken cancellationToken)
    {
        if (await transfer.FeedOwnerAsync(secret, cancellationToken) is not { } owner)
        {
            return TypedResults.Problem(Problems.Create(StatusCodes.Status404NotFound, "Not found", "There is no calendar feed at this address."));
        }

        // Calendar clients poll; a revoked address must stop at once, so nothing keeps a copy.
        response.Headers.CacheControl = "no-store";
        return TypedResults.Text(CalendarExport.Write(await transfer.ExportAsync(owner, cancellationToken)), CalendarExport.ContentType);
    }

    private static ProblemHttpResult NoFeed() =>
        TypedResults.Problem(Problems.Create(StatusCodes.Status404NotFound, "Not found", "You have no calendar feed."));
}

/// <summary>A new calendar feed's address: it holds the secret, shown this once.</summary>
public sealed record CalendarFeedAddress(string Url);

/// <summary>The calendar feed that is on: since when.</summary>
public sealed record CalendarFeedStatus(DateTime CreatedAt);
