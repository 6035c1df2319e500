using System.Text.Json;
using Todo.Server.Chat;

namespace Todo.Server.Data;

/// <summary>
/// <c>db status | migrate [TARGET] | rollback [TARGET] | verify</c>, run by the server's own executable.
/// Exit codes: 0 success, 1 failure (one line on stderr), 2 usage.
/// </summary>
internal static class DatabaseCommand
{
    public const string Usage = """
        Usage: Todo.Server db <command>
          status [--json]      applied and pending migrations, and any this build does not know
          migrate [TARGET]     apply pending migrations, up to TARGET (a name, an id or a position)
          rollback [TARGET]    revert to TARGET (default: one step back; 0 empties the schema)
          verify [--json]      compare the live schema with the model and print every difference
          purge                soft-delete idle conversations and remove long-deleted ones (Chat:InactiveDays, Chat:PurgeAfterDays)
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var json = args.Contains("--json");
        var operands = args.Where(a => a != "--json").ToList();
        var migrator = services.GetRequiredService<DatabaseMigrator>();
        var provider = services.GetRequiredService<DatabaseConnection>().Provider;

        switch (operands)
        {
            case ["status"]:
                return await StatusAsync(migrator, provider, json, output, error);
            case ["migrate", .. var target] when target.Count <= 1 && !json:
                var applied = await migrator.MigrateAsync(target.SingleOrDefault());
                await output.WriteLineAsync(applied.Count == 0
                    ? "Nothing to apply: the database is up to date."
                    : "Applied: " + string.Join(", ", applied));
                return 0;
            case ["rollback", .. var target] when target.Count <= 1 && !json:
                var reverted = await migrator.RollbackAsync(target.SingleOrDefault());
                await output.WriteLineAsync(reverted.Count == 0
                    ? "Nothing to revert."
                    : "Reverted: " + string.Join(", ", reverted));
                return 0;
            case ["verify"]:
                return await VerifyAsync(services, json, output, error);
            case ["purge"] when !json:
                return await PurgeAsync(services, output, error);
            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<int> StatusAsync(
        DatabaseMigrator migrator, DatabaseProvider provider, bool json, TextWriter output, TextWriter error)
    {
        var status = await migrator.GetStatusAsync();
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new { provider = provider.ToString().ToLowerInvariant(), status.Applied, status.Pending, status.Unknown }, Json));
        }
        else
        {
            await output.WriteLineAsync($"Provider: {provider}");
            await WriteListAsync(output, "Applied", status.Applied);
            await WriteListAsync(output, "Pending", status.Pending);
            if (status.Unknown.Count > 0)
            {
                await WriteListAsync(output, "Unknown to this build", status.Unknown);
            }
        }

        if (status.Unknown.Count > 0)
        {
            await error.WriteLineAsync(
                $"The database holds migration {string.Join(", ", status.Unknown)}, which this build does not know.");
            return 1;
        }

        return 0;
    }

    private static async Task<int> VerifyAsync(IServiceProvider services, bool json, TextWriter output, TextWriter error)
    {
        await using var scope = services.CreateAsyncScope();
        var verifier = ActivatorUtilities.CreateInstance<SchemaVerifier>(scope.ServiceProvider);
        var differences = await verifier.VerifyAsync();
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new { matches = differences.Count == 0, differences }, Json));
        }
        else if (differences.Count == 0)
        {
            await output.WriteLineAsync("The live schema matches the model.");
        }
        else
        {
            foreach (var difference in differences)
            {
                await output.WriteLineAsync(difference.ToString());
            }
        }

        if (differences.Count > 0)
        {
            await error.WriteLineAsync($"The live schema differs from the model in {differences.Count} place(s).");
            return 1;
        }

        return 0;
    }

    private static async Task<int> PurgeAsync(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var result = await services.GetRequiredService<ConversationRetention>().RunOnceAsync(CancellationToken.None);
        if (result is null)
        {
            await error.WriteLineAsync("Another server is running the retention job right now; nothing was done.");
            return 1;
        }

        await output.WriteLineAsync(
            $"Soft-deleted {result.SoftDeleted} idle conversation(s), purged {result.Purged}, expired {result.ExpiredIdempotencyKeys} idempotency key(s).");
        return 0;
    }

    private static async Task WriteListAsync(TextWriter output, string heading, IReadOnlyList<string> migrations)
    {
        await output.WriteLineAsync($"{heading}:");
        if (migrations.Count == 0)
        {
            await output.WriteLineAsync("  (none)");
        }

        foreach (var migration in migrations)
        {
            await output.WriteLineAsync($"  {migration}");
        }
    }
}
