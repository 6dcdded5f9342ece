using Rasid.Core;
using Rasid.Store.Sqlite;

namespace Rasid.Store.Tests;

public sealed class SqliteStoreTests : StoreContractTests, IDisposable
{
    private readonly List<TempDb> _dbs = [];

    protected override IEventStore OpenStore()
    {
        var db = new TempDb();
        _dbs.Add(db);
        return SqliteEventStore.Open(db.Path);
    }

    protected override IEventStore ReopenBeforeCountsMigration(IEventStore store)
    {
        var path = store.Location;
        store.Dispose();
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = """
                DROP TRIGGER incidents_counts_insert; DROP TRIGGER incidents_counts_delete; DROP TRIGGER incidents_counts_update;
                DROP TABLE incident_day_counts; DROP TABLE incident_facet_counts; DELETE FROM schema_version WHERE version >= 4;
                DROP TRIGGER incidents_country_day_counts_insert; DROP TRIGGER incidents_country_day_counts_delete;
                DROP TRIGGER incidents_country_day_counts_update; DROP TABLE incident_country_day_counts;
                """;
            cmd.ExecuteNonQuery();
        }

        return SqliteEventStore.Open(path);
    }

    public void Dispose()
    {
        foreach (var db in _dbs)
        {
            db.Dispose();
        }
    }

    [Fact]
    public void Opening_a_file_that_is_not_a_database_is_a_clear_error()
    {
        using var db = new TempDb();
        File.WriteAllText(db.Path, "this is not sqlite, just text that is long enough to be read as a header........");
        var ex = Assert.Throws<RasidException>(() => SqliteEventStore.Open(db.Path));
        Assert.Equal("E302", ex.Code);
    }

    [Fact]
    public void Reopening_a_store_keeps_its_data_and_schema_version()
    {
        using var db = new TempDb();
        using (var store = SqliteEventStore.Open(db.Path))
        {
            store.Write([TestEvents.Doc("d1", "نص", TestEvents.Event("d1", "e1", SubEventType.Attack, "2017-04-26", 34.45, 40.92))]);
        }

        using var again = SqliteEventStore.Open(db.Path);
        Assert.Equal(1, again.Stats().Incidents);
    }
}
