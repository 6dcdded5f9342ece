using System.Globalization;

namespace Rasid.Store.Relational;

public abstract partial class RelationalEventStore : IDataProtectionKeyStore
{
    public IReadOnlyList<string> ReadDataProtectionKeys()
    {
        using var c = OpenConnection();
        using var cmd = Db.Command(c, null, "SELECT xml FROM data_protection_keys ORDER BY created_at, name");
        using var r = cmd.ExecuteReader();
        var keys = new List<string>();
        while (r.Read())
        {
            keys.Add(r.GetString(0));
        }

        return keys;
    }

    public void StoreDataProtectionKey(string name, string xml)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(xml);
        using var c = OpenConnection();
        Db.Exec(c, null, "INSERT INTO data_protection_keys(name, xml, created_at) VALUES (@n, @x, @t) ON CONFLICT (name) DO NOTHING",
            ("@n", name), ("@x", xml), ("@t", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
    }
}
