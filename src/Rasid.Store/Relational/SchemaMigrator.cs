using System.Reflection;
using System.Data.Common;
using Rasid.Core;

namespace Rasid.Store.Relational;

/// <summary>
/// Applies the versioned schema scripts of a dialect (Migrations/Sqlite or Migrations/Postgres, embedded, named NNNN_*.sql) that a database has not
/// seen yet, each in its own transaction, recording them in <c>schema_version</c>.
/// </summary>
internal static class SchemaMigrator
{
    public static int Migrate(DbConnection connection, string dialect, string location)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
            create.ExecuteNonQuery();
        }

        int current;
        using (var get = connection.CreateCommand())
        {
            get.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
            current = Convert.ToInt32(get.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        var scripts = LoadScripts(dialect);
        int latest = scripts.Count == 0 ? 0 : scripts[^1].Item1;
        if (current > latest)
        {
            throw new RasidException("E300", location, $"database schema version {current} is newer than this rasid knows ({latest}); upgrade rasid");
        }

        foreach (var (version, name, sql) in scripts.Where(s => s.Item1 > current))
        {
            using var tx = connection.BeginTransaction();
            using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = sql;
                cmd.CommandTimeout = 0; // a migration over a big store (an index, a backfilled column) takes minutes, not 30 s
                cmd.ExecuteNonQuery();
            }

            using (var record = connection.CreateCommand())
            {
                record.Transaction = tx;
                record.CommandText = "INSERT INTO schema_version(version, name, applied_at) VALUES (@v, @n, @t)";
                record.Add("@v", version);
                record.Add("@n", name);
                record.Add("@t", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                record.ExecuteNonQuery();
            }

            tx.Commit();
        }

        return latest;
    }

    private static List<(int, string, string)> LoadScripts(string dialect)
    {
        var asm = Assembly.GetExecutingAssembly();
        var prefix = $"rasid/migrations/{dialect}/";
        var list = new List<(int, string, string)>();
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var file = name[prefix.Length..];
            var version = int.Parse(file.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture);
            using var stream = asm.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            list.Add((version, file, reader.ReadToEnd()));
        }

        return list.OrderBy(s => s.Item1).ToList();
    }
}
