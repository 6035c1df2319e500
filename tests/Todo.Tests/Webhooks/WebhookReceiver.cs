using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Todo.Tests.Webhooks;

/// <summary>One POST the receiver got: its path, the Standard Webhooks headers and the body as sent.</summary>
public sealed record ReceivedWebhook(string Path, string? Id, string? Timestamp, string? Signature, string? ContentType, string Body);

/// <summary>
/// A webhook receiver for tests on a free port of 127.0.0.1 (a minimal Kestrel app). It records every request and answers
/// each path from its script (<see cref="Answer"/>: the statuses in order, then 200); <c>/redirect/X</c> always answers 302
/// to <c>/X</c>.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedWebhook> received = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> scripts = new(StringComparer.Ordinal);

    private WebhookReceiver(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>http://127.0.0.1:PORT</summary>
    public Uri BaseAddress { get; }

    public int Port => BaseAddress.Port;

    public IReadOnlyList<ReceivedWebhook> Received => [.. received];

    /// <summary>What <paramref name="path"/>'s requests get from now on: the statuses in this order, then 200s.</summary>
    public void Answer(string path, params int[] statuses) => scripts[path] = new ConcurrentQueue<int>(statuses);

    public IReadOnlyList<ReceivedWebhook> At(string path) => [.. received.Where(r => r.Path == path)];

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public static WebhookReceiver Start() => Task.Run(StartAsync).GetAwaiter().GetResult();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(WebhookReceiver).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "WebhookReceiver",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.Run(context => receiver!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver = new WebhookReceiver(app, new Uri(address));
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers;
        var path = context.Request.Path.Value ?? "/";
        received.Enqueue(new ReceivedWebhook(
            path, headers["webhook-id"], headers["webhook-timestamp"], headers["webhook-signature"], context.Request.ContentType, body));
        if (path.StartsWith("/redirect/", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = path["/redirect".Length..];
            return;
        }

        context.Response.StatusCode = scripts.TryGetValue(path, out var script) && script.TryDequeue(out var status) ? status : 200;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
