using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Todo.Server.Data;

public sealed record SchemaDifference(string Item, string Problem)
{
    public override string ToString() => $"{Item}: {Problem}";
}

internal sealed record ColumnShape(string Type, bool IsNullable);

internal sealed record IndexShape(string Columns, bool IsUnique);

internal sealed record ForeignKeyShape(string Columns, string PrincipalTable, string PrincipalColumns, string OnDelete)
{
    public override string ToString() => $"({Columns}) references {PrincipalTable}({PrincipalColumns}) on delete {OnDelete}";
}

internal sealed class TableShape
{
    public Dictionary<string, ColumnShape> Columns { get; } = new(StringComparer.Ordinal);
    public string PrimaryKey { get; set; } = "";
    public Dictionary<string, IndexShape> Indexes { get; } = new(StringComparer.Ordinal);
    public HashSet<ForeignKeyShape> ForeignKeys { get; } = [];
    public HashSet<string> CheckConstraints { get; } = new(StringComparer.Ordinal);
}

internal sealed class SchemaShape
{
    public Dictionary<string, TableShape> Tables { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Enums { get; } = new(StringComparer.Ordinal);

    public TableShape Table(string name) =>
        Tables.TryGetValue(name, out var table) ? table : Tables[name] = new TableShape();
}

/// <summary>
/// Compares the live schema, read from the database's own catalog, with the model this build expects:
/// tables; columns with type, length and nullability; primary keys; indexes with their columns and
/// uniqueness; foreign keys with their ON DELETE rule; check constraints; and enum types with their labels.
/// </summary>
public sealed partial class SchemaVerifier(TodoDbContext db, DatabaseConnection connection)
{
    private static readonly HashSet<string> InfrastructureTables = new(StringComparer.Ordinal)
    {
        DatabaseMigrator.HistoryTable, "__EFMigrationsLock",
    };

    public async Task<IReadOnlyList<SchemaDifference>> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var expected = FromModel(db.GetService<IDesignTimeModel>().Model);
        var dbConnection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var actual = connection.Provider == DatabaseProvider.Postgres
                ? await ReadPostgresAsync(dbConnection, cancellationToken)
                : await ReadSqliteAsync(dbConnection, cancellationToken);
            return Compare(expected, actual);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static SchemaShape FromModel(IModel model)
    {
        var schema = new SchemaShape();
        foreach (var table in model.GetRelationalModel().Tables)
        {
            var shape = schema.Table(table.Name);
            foreach (var column in table.Columns)
            {
                shape.Columns[column.Name] = new ColumnShape(column.StoreType, column.IsNullable);
            }

            shape.PrimaryKey = Join(table.PrimaryKey?.Columns.Select(c => c.Name) ?? []);
            foreach (var index in table.Indexes)
            {
                shape.Indexes[index.Name] = new IndexShape(Join(index.Columns.Select(c => c.Name)), index.IsUnique);
            }

            foreach (var foreignKey in table.ForeignKeyConstraints)
            {
                shape.ForeignKeys.Add(new ForeignKeyShape(
                    Join(foreignKey.Columns.Select(c => c.Name)),
                    foreignKey.PrincipalTable.Name,
                    Join(foreignKey.PrincipalColumns.Select(c => c.Name)),
                    OnDeleteSql(foreignKey.OnDeleteAction)));
            }

            foreach (var check in table.CheckConstraints)
            {
                shape.CheckConstraints.Add(check.Name!);
            }
        }

        foreach (var postgresEnum in model.GetPostgresEnums())
        {
            schema.Enums[postgresEnum.Name] = Join(postgresEnum.Labels);
        }

        return schema;
    }

    private static async Task<SchemaShape> ReadPostgresAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var schema = new SchemaShape();
        const string inSchema = "n.nspname = current_schema()";

        await ForEachRowAsync(connection, $"""
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE {inSchema} AND c.relkind IN ('r', 'p')
            """, row => schema.Table(row.GetString(0)), cancellationToken);

        await ForEachRowAsync(connection, $"""
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE {inSchema} AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
            """, row =>
            schema.Table(row.GetString(0)).Columns[row.GetString(1)] = new ColumnShape(row.GetString(2), row.GetBoolean(3)), cancellationToken);

        await ForEachRowAsync(connection, $"""
            SELECT t.relname, i.relname, ix.indisunique, ix.indisprimary,
                   string_agg(a.attname, ', ' ORDER BY k.ord)
            FROM pg_index ix
            JOIN pg_class i ON i.oid = ix.indexrelid
            JOIN pg_class t ON t.oid = ix.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
            WHERE {inSchema}
            GROUP BY t.relname, i.relname, ix.indisunique, ix.indisprimary
            """, row =>
            {
                var table = schema.Table(row.GetString(0));
                if (row.GetBoolean(3))
                {
                    table.PrimaryKey = row.GetString(4);
                }
                else
                {
                    table.Indexes[row.GetString(1)] = new IndexShape(row.GetString(4), row.GetBoolean(2));
                }
            }, cancellationToken);

        await ForEachRowAsync(connection, $"""
            SELECT t.relname, con.contype::text, con.conname, pt.relname,
                   (SELECT string_agg(a.attname, ', ' ORDER BY k.ord)
                    FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum),
                   (SELECT string_agg(a.attname, ', ' ORDER BY k.ord)
                    FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum),
                   con.confdeltype::text
            FROM pg_constraint con
            JOIN pg_class t ON t.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            LEFT JOIN pg_class pt ON pt.oid = con.confrelid
            WHERE {inSchema} AND con.contype IN ('f', 'c')
            """, row =>
            {
                var table = schema.Table(row.GetString(0));
                if (row.GetString(1) == "c")
                {
                    table.CheckConstraints.Add(row.GetString(2));
                    return;
                }

                table.ForeignKeys.Add(new ForeignKeyShape(
                    row.GetString(4), row.GetString(3), row.GetString(5), row.GetString(6) switch
                    {
                        "c" => "CASCADE",
                        "n" => "SET NULL",
                        "d" => "SET DEFAULT",
                        "r" => "RESTRICT",
                        _ => "NO ACTION",
                    }));
            }, cancellationToken);

        await ForEachRowAsync(connection, $"""
            SELECT t.typname, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder)
            FROM pg_type t
            JOIN pg_enum e ON e.enumtypid = t.oid
            JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE {inSchema}
            GROUP BY t.typname
            """, row => schema.Enums[row.GetString(0)] = row.GetString(1), cancellationToken);

        return schema;
    }

    private static async Task<SchemaShape> ReadSqliteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var schema = new SchemaShape();
        var tableSql = new Dictionary<string, string>(StringComparer.Ordinal);
        await ForEachRowAsync(connection,
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            row => tableSql[row.GetString(0)] = row.GetString(1), cancellationToken);

        foreach (var (tableName, sql) in tableSql)
        {
            var table = schema.Table(tableName);
            var primaryKey = new SortedList<long, string>();
            await ForEachRowAsync(connection,
                $"SELECT name, type, \"notnull\", pk FROM pragma_table_info({Quote(tableName)})",
                row =>
                {
                    table.Columns[row.GetString(0)] = new ColumnShape(row.GetString(1), row.GetInt64(2) == 0);
                    if (row.GetInt64(3) > 0)
                    {
                        primaryKey.Add(row.GetInt64(3), row.GetString(0));
                    }
                }, cancellationToken);
            table.PrimaryKey = Join(primaryKey.Values);

            var indexes = new List<(string Name, bool IsUnique)>();
            await ForEachRowAsync(connection,
                $"SELECT name, \"unique\" FROM pragma_index_list({Quote(tableName)}) WHERE origin <> 'pk'",
                row => indexes.Add((row.GetString(0), row.GetInt64(1) == 1)), cancellationToken);
            foreach (var (indexName, isUnique) in indexes)
            {
                var columns = new List<string>();
                await ForEachRowAsync(connection,
                    $"SELECT name FROM pragma_index_info({Quote(indexName)}) ORDER BY seqno",
                    row => columns.Add(row.GetString(0)), cancellationToken);
                table.Indexes[indexName] = new IndexShape(Join(columns), isUnique);
            }

            var foreignKeys = new Dictionary<long, (List<string> From, string Table, List<string> To, string OnDelete)>();
            await ForEachRowAsync(connection,
                $"SELECT id, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list({Quote(tableName)}) ORDER BY id, seq",
                row =>
                {
                    if (!foreignKeys.TryGetValue(row.GetInt64(0), out var foreignKey))
                    {
                        foreignKeys[row.GetInt64(0)] = foreignKey = ([], row.GetString(1), [], row.GetString(4));
                    }

                    foreignKey.From.Add(row.GetString(2));
                    foreignKey.To.Add(row.GetString(3));
                }, cancellationToken);
            foreach (var foreignKey in foreignKeys.Values)
            {
                table.ForeignKeys.Add(new ForeignKeyShape(
                    Join(foreignKey.From), foreignKey.Table, Join(foreignKey.To), foreignKey.OnDelete.ToUpperInvariant()));
            }

            foreach (Match check in SqliteCheckConstraint().Matches(sql))
            {
                table.CheckConstraints.Add(check.Groups["name"].Value);
            }
        }

        return schema;
    }

    private static List<SchemaDifference> Compare(SchemaShape expected, SchemaShape actual)
    {
        var differences = new List<SchemaDifference>();
        void Report(string what, string problem) => differences.Add(new SchemaDifference(what, problem));

        foreach (var (name, table) in expected.Tables)
        {
            if (!actual.Tables.TryGetValue(name, out var live))
            {
                Report($"table {name}", "missing from the database");
                continue;
            }

            CompareTable(name, table, live, Report);
        }

        foreach (var name in actual.Tables.Keys.Where(n => !expected.Tables.ContainsKey(n) && !InfrastructureTables.Contains(n)))
        {
            Report($"table {name}", "in the database but not in the model");
        }

        CompareNamed(n => $"enum type {n}", expected.Enums, actual.Enums, Report,
            (name, labels, liveLabels) =>
            {
                if (labels != liveLabels)
                {
                    Report($"enum type {name}", $"labels ({liveLabels}) in the database, ({labels}) in the model");
                }
            });

        return differences;
    }

    private static void CompareTable(string name, TableShape table, TableShape live, Action<string, string> report)
    {
        CompareNamed(c => $"column {name}.{c}", table.Columns, live.Columns, report, (column, shape, liveShape) =>
        {
            if (!string.Equals(shape.Type, liveShape.Type, StringComparison.OrdinalIgnoreCase))
            {
                report($"column {name}.{column}", $"type {liveShape.Type} in the database, {shape.Type} in the model");
            }

            if (shape.IsNullable != liveShape.IsNullable)
            {
                report($"column {name}.{column}",
                    $"{Nullability(liveShape.IsNullable)} in the database, {Nullability(shape.IsNullable)} in the model");
            }
        });

        if (table.PrimaryKey != live.PrimaryKey)
        {
            report($"primary key of {name}", $"({live.PrimaryKey}) in the database, ({table.PrimaryKey}) in the model");
        }

        CompareNamed(i => $"index {i} on {name}", table.Indexes, live.Indexes, report, (index, shape, liveShape) =>
        {
            if (shape.Columns != liveShape.Columns)
            {
                report($"index {index} on {name}", $"columns ({liveShape.Columns}) in the database, ({shape.Columns}) in the model");
            }

            if (shape.IsUnique != liveShape.IsUnique)
            {
                report($"index {index} on {name}",
                    $"{Uniqueness(liveShape.IsUnique)} in the database, {Uniqueness(shape.IsUnique)} in the model");
            }
        });

        foreach (var foreignKey in table.ForeignKeys.Except(live.ForeignKeys))
        {
            report($"foreign key on {name}", $"{foreignKey}: missing from the database");
        }

        foreach (var foreignKey in live.ForeignKeys.Except(table.ForeignKeys))
        {
            report($"foreign key on {name}", $"{foreignKey}: in the database but not in the model");
        }

        foreach (var check in table.CheckConstraints.Except(live.CheckConstraints))
        {
            report($"check constraint {check} on {name}", "missing from the database");
        }

        foreach (var check in live.CheckConstraints.Except(table.CheckConstraints))
        {
            report($"check constraint {check} on {name}", "in the database but not in the model");
        }
    }

    /// <summary>Reports names only in the model or only in the database, and compares the shapes of the rest.</summary>
    private static void CompareNamed<TShape>(
        Func<string, string> describe,
        Dictionary<string, TShape> expected,
        Dictionary<string, TShape> actual,
        Action<string, string> report,
        Action<string, TShape, TShape> compare)
    {
        foreach (var (name, shape) in expected)
        {
            if (actual.TryGetValue(name, out var live))
            {
                compare(name, shape, live);
            }
            else
            {
                report(describe(name), "missing from the database");
            }
        }

        foreach (var name in actual.Keys.Where(n => !expected.ContainsKey(n)))
        {
            report(describe(name), "in the database but not in the model");
        }
    }

    private static async Task ForEachRowAsync(
        DbConnection connection, string sql, Action<DbDataReader> read, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            read(reader);
        }
    }

    private static string OnDeleteSql(ReferentialAction action) => action switch
    {
        ReferentialAction.Cascade => "CASCADE",
        ReferentialAction.SetNull => "SET NULL",
        ReferentialAction.SetDefault => "SET DEFAULT",
        ReferentialAction.Restrict => "RESTRICT",
        _ => "NO ACTION",
    };

    private static string Join(IEnumerable<string> names) => string.Join(", ", names);

    private static string Quote(string name) => "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Nullability(bool isNullable) => isNullable ? "nullable" : "not null";

    private static string Uniqueness(bool isUnique) => isUnique ? "unique" : "not unique";

    [GeneratedRegex("""CONSTRAINT\s+"(?<name>[^"]+)"\s+CHECK""", RegexOptions.IgnoreCase)]
    private static partial Regex SqliteCheckConstraint();
}
