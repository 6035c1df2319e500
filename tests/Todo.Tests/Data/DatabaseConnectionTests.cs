using Microsoft.Data.Sqlite;
using Npgsql;
using Todo.Server;
using Todo.Server.Data;

namespace Todo.Tests.Data;

/// <summary>How <c>ConnectionStrings:Todo</c> chooses the database provider (<see cref="DatabaseConnection.Resolve"/>).</summary>
public sealed class DatabaseConnectionTests : IDisposable
{
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("todo-root-").FullName;

    public void Dispose() => Directory.Delete(_contentRoot, recursive: true);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void NoConnectionStringSelectsSqliteAtDataTodoDbUnderTheContentRootAndCreatesTheFolder(string? configured)
    {
        Assert.False(Directory.Exists(Path.Combine(_contentRoot, "data")));

        var connection = DatabaseConnection.Resolve(configured, _contentRoot);

        Assert.Equal(DatabaseProvider.Sqlite, connection.Provider);
        Assert.Equal(Path.Combine(_contentRoot, "data", "todo.db"), new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource);
        Assert.True(Directory.Exists(Path.Combine(_contentRoot, "data")));
    }

    [Fact]
    public void RelativeDataSourceSelectsSqliteResolvedUnderTheContentRoot()
    {
        var connection = DatabaseConnection.Resolve("Data Source=x.db", _contentRoot);

        Assert.Equal(DatabaseProvider.Sqlite, connection.Provider);
        Assert.Equal(Path.Combine(_contentRoot, "x.db"), new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource);
    }

    [Fact]
    public void AbsoluteDataSourceSelectsSqliteAtThatPathAndCreatesItsFolder()
    {
        var file = Path.Combine(_contentRoot, "elsewhere", "deeper", "todo.db");

        var connection = DatabaseConnection.Resolve("Data Source=" + file, "/nonexistent-content-root");

        Assert.Equal(DatabaseProvider.Sqlite, connection.Provider);
        Assert.Equal(file, new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource);
        Assert.True(Directory.Exists(Path.GetDirectoryName(file)));
    }

    [Fact]
    public void HostKeywordStringSelectsPostgres()
    {
        var connection = DatabaseConnection.Resolve("Host=db.example.com;Port=5433;Database=todo;Username=app;Password=secret", _contentRoot);

        Assert.Equal(DatabaseProvider.Postgres, connection.Provider);
        var builder = new NpgsqlConnectionStringBuilder(connection.ConnectionString);
        Assert.Equal("db.example.com", builder.Host);
        Assert.Equal(5433, builder.Port);
        Assert.Equal("todo", builder.Database);
        Assert.Equal("app", builder.Username);
        Assert.Equal("secret", builder.Password);
        Assert.False(Directory.Exists(Path.Combine(_contentRoot, "data")));
    }

    [Fact]
    public void PostgresUrlSelectsPostgresWithDecodedCredentialsPortDatabaseAndSslMode()
    {
        var connection = DatabaseConnection.Resolve("postgres://user:p%40ss@host:6543/db?sslmode=require", _contentRoot);

        Assert.Equal(DatabaseProvider.Postgres, connection.Provider);
        var builder = new NpgsqlConnectionStringBuilder(connection.ConnectionString);
        Assert.Equal("host", builder.Host);
        Assert.Equal(6543, builder.Port);
        Assert.Equal("user", builder.Username);
        Assert.Equal("p@ss", builder.Password);
        Assert.Equal("db", builder.Database);
        Assert.Equal(SslMode.Require, builder.SslMode);
    }

    [Fact]
    public void PostgresqlUrlPrefixAlsoSelectsPostgresWithTheDefaultPort()
    {
        var connection = DatabaseConnection.Resolve("postgresql://neon_user:pw@ep-cool-name.eu-central-1.aws.neon.tech/neondb", _contentRoot);

        Assert.Equal(DatabaseProvider.Postgres, connection.Provider);
        var builder = new NpgsqlConnectionStringBuilder(connection.ConnectionString);
        Assert.Equal("ep-cool-name.eu-central-1.aws.neon.tech", builder.Host);
        Assert.Equal(5432, builder.Port);
        Assert.Equal("neon_user", builder.Username);
        Assert.Equal("pw", builder.Password);
        Assert.Equal("neondb", builder.Database);
    }

    [Theory]
    [InlineData("this is not a connection string")]
    [InlineData("Foo=bar")]
    [InlineData("postgres://")]
    public void GarbageIsAnOperatorErrorNamingTheSetting(string configured)
    {
        var error = Assert.Throws<OperatorException>(() => DatabaseConnection.Resolve(configured, _contentRoot));

        Assert.Contains("ConnectionStrings:Todo", error.Message, StringComparison.Ordinal);
    }
}
