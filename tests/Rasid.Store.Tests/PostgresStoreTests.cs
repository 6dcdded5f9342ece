using Rasid.Store.Postgres;

namespace Rasid.Store.Tests;

public sealed class PostgresStoreTests : StoreContractTests, IDisposable
{
    private readonly List<string> _databases = [];

    protected override IEventStore OpenStore()
    {
        var cs = PostgresServer.CreateDatabase();
        _databases.Add(cs);
        return PostgresEventStore.Open(cs);
    }

    protected override IEventStore ReopenBeforeCountsMigration(IEventStore store)
    {
        store.Dispose();
        var cs = _databases[^1];
        using (var c = new Npgsql.NpgsqlConnection(cs))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = """
                DROP TRIGGER incidents_counts ON incidents; DROP FUNCTION incidents_counts_trigger(); DROP FUNCTION incident_counts_apply(incidents, integer);
                DROP TABLE incident_day_counts; DROP TABLE incident_facet_counts; DELETE FROM schema_version WHERE version >= 5;
                DROP TRIGGER incidents_country_day_counts ON incidents; DROP TABLE incident_country_day_counts;
                """;
            cmd.ExecuteNonQuery();
        }

        return PostgresEventStore.Open(cs);
    }

    public void Dispose()
    {
        foreach (var cs in _databases)
        {
            PostgresServer.DropDatabase(cs);
        }
    }

    [Theory]
    [InlineData("postgres://rasid:s%40cret@db.example:6543/events?SSL Mode=Disable", "db.example", 6543, "events", "rasid", "s@cret")]
    [InlineData("postgresql://u@localhost/rasid", "localhost", 5432, "rasid", "u", null)]
    public void Postgres_urls_become_npgsql_connection_strings(string url, string host, int port, string db, string user, string? password)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(PostgresEventStore.ToConnectionString(url));
        Assert.Equal(host, b.Host);
        Assert.Equal(port, b.Port);
        Assert.Equal(db, b.Database);
        Assert.Equal(user, b.Username);
        Assert.Equal(password, b.Password);
    }
}
