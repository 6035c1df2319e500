using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Todo.Server.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The database named by <c>ConnectionStrings:Todo</c>: a PostgreSQL keyword string (<c>Host=...</c>) or URL
/// (<c>postgres://user:pass@host:5432/db?sslmode=require</c>), a SQLite string (<c>Data Source=...</c>), or
/// nothing for SQLite at <c>data/todo.db</c> under the content root.
/// </summary>
public sealed record DatabaseConnection(DatabaseProvider Provider, string ConnectionString)
{
    public const string ConnectionStringName = "Todo";
    public const string SettingName = "ConnectionStrings:" + ConnectionStringName;

    public static DatabaseConnection Resolve(string? configured, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return Sqlite(new SqliteConnectionStringBuilder { DataSource = Path.Combine("data", "todo.db") }, contentRoot);
        }

        var value = configured.Trim();
        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
            value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new(DatabaseProvider.Postgres, FromPostgresUrl(value));
        }

        DbConnectionStringBuilder keywords;
        try
        {
            keywords = new DbConnectionStringBuilder { ConnectionString = value };
        }
        catch (ArgumentException e)
        {
            throw new OperatorException($"{SettingName} is not a valid connection string: {e.Message}");
        }

        if (keywords.ContainsKey("Data Source") || keywords.ContainsKey("DataSource") || keywords.ContainsKey("Filename"))
        {
            return Sqlite(new SqliteConnectionStringBuilder(value), contentRoot);
        }

        if (keywords.ContainsKey("Host") || keywords.ContainsKey("Server"))
        {
            return new(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(value).ConnectionString);
        }

        throw new OperatorException(
            $"{SettingName} names no database: use Host=... or postgres://... for PostgreSQL, or Data Source=... for SQLite.");
    }

    private static DatabaseConnection Sqlite(SqliteConnectionStringBuilder builder, string contentRoot)
    {
        var isFile = builder.Mode != SqliteOpenMode.Memory && builder.DataSource is not ("" or ":memory:");
        if (isFile)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return new(DatabaseProvider.Sqlite, builder.ConnectionString);
    }

    private static string FromPostgresUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new OperatorException($"{SettingName} is not a valid PostgreSQL URL.");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } database ? database : null,
        };

        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        var query = uri.Query.TrimStart('?');
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(parts[0]);
            var value = parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : "";
            var keyword = key.ToLowerInvariant() switch
            {
                "sslmode" => "SSL Mode",
                "channel_binding" => "Channel Binding",
                "connect_timeout" => "Timeout",
                "application_name" => "Application Name",
                "options" => "Options",
                "target_session_attrs" => "Target Session Attributes",
                _ => key,
            };
            try
            {
                builder[keyword] = value;
            }
            catch (ArgumentException)
            {
                throw new OperatorException($"{SettingName}: the URL parameter '{key}' is not supported.");
            }
        }

        return builder.ConnectionString;
    }
}
