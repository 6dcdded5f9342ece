using Npgsql;

namespace Rasid.Store.Tests;

/// <summary>
/// The PostgreSQL server the tests use: RASID_TEST_PG (an Npgsql connection string), by default the one .ci/setup.sh
/// starts. Each test gets its own fresh database, dropped afterwards. Tests skip when no server answers, unless
/// RASID_REQUIRE_PG=1 (as in CI), where they fail instead.
/// </summary>
internal static class PostgresServer
{
    public static string AdminConnectionString { get; } =
        Environment.GetEnvironmentVariable("RASID_TEST_PG") ?? "Host=localhost;Port=5432;Username=rasid;Password=rasid;Database=rasid_test;Timeout=30;Command Timeout=120";

    private static readonly Lazy<string?> Unavailable = new(() =>
    {
        try
        {
            using var c = new NpgsqlConnection(AdminConnectionString);
            c.Open();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            return ex.Message;
        }
    });

    /// <summary>Skips (or, with RASID_REQUIRE_PG=1, fails) when no server is reachable.</summary>
    public static void Require()
    {
        var why = Unavailable.Value;
        if (why is null)
        {
            return;
        }

        var message = $"no PostgreSQL server at {new NpgsqlConnectionStringBuilder(AdminConnectionString) { Password = null }} ({why}); run .ci/setup.sh or set RASID_TEST_PG";
        if (Environment.GetEnvironmentVariable("RASID_REQUIRE_PG") == "1")
        {
            throw new InvalidOperationException(message);
        }

        Skip.If(true, message);
    }

    /// <summary>Creates a new empty database and returns its connection string.</summary>
    public static string CreateDatabase()
    {
        Require();
        var name = "rasid_t_" + Guid.NewGuid().ToString("N")[..16];
        using var c = new NpgsqlConnection(AdminConnectionString);
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"CREATE DATABASE {name}";
        cmd.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ToString();
    }

    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var c = new NpgsqlConnection(AdminConnectionString);
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"DROP DATABASE IF EXISTS {name} WITH (FORCE)";
        cmd.ExecuteNonQuery();
    }
}
