using System.Data.Common;

namespace Rasid.Store.Relational;

/// <summary>Small ADO.NET helpers shared by the SQLite and PostgreSQL stores (parameters are written @name in both).</summary>
internal static class Db
{
    public static DbCommand Command(DbConnection c, DbTransaction? tx, string sql)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    public static DbCommand Command(DbTransaction tx, string sql) => Command(tx.Connection!, tx, sql);

    public static void Add(this DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }

    public static object? Scalar(DbConnection c, DbTransaction? tx, string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = Command(c, tx, sql);
        foreach (var (n, v) in args)
        {
            cmd.Add(n, v);
        }

        var r = cmd.ExecuteScalar();
        return r is DBNull ? null : r;
    }

    public static int Exec(DbConnection c, DbTransaction? tx, string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = Command(c, tx, sql);
        foreach (var (n, v) in args)
        {
            cmd.Add(n, v);
        }

        return cmd.ExecuteNonQuery();
    }

    public static long Long(object? value) => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
}
