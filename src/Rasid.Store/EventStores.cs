using Rasid.Store.Postgres;
using Rasid.Store.Sqlite;

namespace Rasid.Store;

/// <summary>Opens the store a <c>--db</c> value names: a postgres:// URL or Npgsql connection string, else a SQLite file.</summary>
public static class EventStores
{
    public static IEventStore Open(string db)
    {
        ArgumentException.ThrowIfNullOrEmpty(db);
        return PostgresEventStore.IsPostgres(db) ? PostgresEventStore.Open(db) : SqliteEventStore.Open(db);
    }
}
