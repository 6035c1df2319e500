using Npgsql;

namespace Todo.Tests.Infrastructure;

public sealed class PostgresServerTests(PostgresServer server)
{
    [Fact]
    public async Task CreatedDatabasesAreDistinctAndEachAnswersQueries()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await server.CreateDatabaseAsync("smoke");
        var second = await server.CreateDatabaseAsync("smoke");
        try
        {
            var firstName = new NpgsqlConnectionStringBuilder(first).Database;
            var secondName = new NpgsqlConnectionStringBuilder(second).Database;
            Assert.NotEqual(firstName, secondName);
            Assert.StartsWith("smoke_", firstName, StringComparison.Ordinal);

            Assert.Equal((firstName, 1), await CurrentDatabaseAndOneAsync(first, ct));
            Assert.Equal((secondName, 1), await CurrentDatabaseAndOneAsync(second, ct));

            // A table made in one database is not seen in the other.
            await ExecuteAsync(first, "CREATE TABLE only_here (id int)", ct);
            Assert.Equal(1L, await ScalarAsync<long>(first, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_here'", ct));
            Assert.Equal(0L, await ScalarAsync<long>(second, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_here'", ct));
        }
        finally
        {
            await server.DropDatabaseAsync(new NpgsqlConnectionStringBuilder(first).Database!);
            await server.DropDatabaseAsync(new NpgsqlConnectionStringBuilder(second).Database!);
        }
    }

    [Fact]
    public async Task DroppedDatabaseIsGoneEvenWithConnectionsOpen()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await server.CreateDatabaseAsync("dropme");
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var open = new NpgsqlConnection(connectionString);
        await open.OpenAsync(ct);

        await server.DropDatabaseAsync(name);

        Assert.Equal(0L, await ScalarAsync<long>(server.AdminConnectionString,
            $"SELECT count(*) FROM pg_database WHERE datname = '{name}'", ct));
    }

    [Fact]
    public async Task ServerIsRunningAsPostgresVersion15OrLaterWithFsyncOff()
    {
        var ct = TestContext.Current.CancellationToken;
        var versionNumber = await ScalarAsync<string>(server.AdminConnectionString, "SHOW server_version_num", ct);
        var fsync = await ScalarAsync<string>(server.AdminConnectionString, "SHOW fsync", ct);
        var listen = await ScalarAsync<string>(server.AdminConnectionString, "SHOW listen_addresses", ct);

        Assert.True(int.Parse(versionNumber, System.Globalization.CultureInfo.InvariantCulture) >= 150000, versionNumber);
        Assert.Equal("off", fsync);
        Assert.Equal("127.0.0.1", listen);
    }

    [Fact]
    public async Task PrivateServerRefusesConnectionsWhileStoppedAndServesItsDataAfterRestart()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var privateServer = await PostgresServer.StartNewAsync();
        Assert.NotEqual(server.Port, privateServer.Port);
        var connectionString = await privateServer.CreateDatabaseAsync("fault");
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5 }.ConnectionString;
        await ExecuteAsync(unpooled, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('before the stop')", ct);
        var port = privateServer.Port;

        await privateServer.StopAsync();

        Assert.False(privateServer.IsRunning);
        var refused = await Assert.ThrowsAnyAsync<NpgsqlException>(() => ScalarAsync<int>(unpooled, "SELECT 1", ct));
        Assert.Contains("127.0.0.1", refused.ToString(), StringComparison.Ordinal);

        await privateServer.StartAsync();

        Assert.True(privateServer.IsRunning);
        Assert.Equal(port, privateServer.Port);
        Assert.Equal("before the stop", await ScalarAsync<string>(unpooled, "SELECT value FROM kept", ct));
    }

    [Fact]
    public async Task DisposingPrivateServerStopsItAndDeletesItsFolder()
    {
        var ct = TestContext.Current.CancellationToken;
        var privateServer = await PostgresServer.StartNewAsync();
        var dataDirectory = privateServer.DataDirectory;
        var admin = privateServer.AdminConnectionString;
        Assert.Equal(1, await ScalarAsync<int>(admin, "SELECT 1", ct));

        await privateServer.DisposeAsync();

        Assert.False(Directory.Exists(dataDirectory));
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ScalarAsync<int>(admin, "SELECT 1", ct));
    }

    private static async Task<(string?, int)> CurrentDatabaseAndOneAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT current_database(), 1", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        Assert.True(await reader.ReadAsync(ct));
        return (reader.GetString(0), reader.GetInt32(1));
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }
}

public sealed class PostgresDatabaseTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task ClassFixtureGivesAnEmptyDatabaseOfItsOwn()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT current_database(), (SELECT count(*) FROM pg_tables WHERE schemaname = 'public')", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        Assert.True(await reader.ReadAsync(ct));

        Assert.Equal(database.Name, reader.GetString(0));
        Assert.StartsWith("todo_test_", database.Name, StringComparison.Ordinal);
        Assert.Equal(0L, reader.GetInt64(1));
    }
}
