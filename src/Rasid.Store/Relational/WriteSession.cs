using System.Data.Common;

namespace Rasid.Store.Relational;

/// <summary>
/// One write transaction with its commands kept for reuse: the same SQL text gets the same command object for the whole
/// batch, so SQLite prepares each statement once per batch instead of once per row. Commands handed out must not be
/// disposed by the caller, and one SQL text must not be used again while its reader is still open.
/// </summary>
internal sealed class WriteSession : IDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    public WriteSession(DbTransaction transaction)
    {
        Transaction = transaction;
    }

    public DbTransaction Transaction { get; }

    public DbConnection Connection => Transaction.Connection!;

    /// <summary>The command for <paramref name="sql"/>, its parameters cleared.</summary>
    public DbCommand Command(string sql)
    {
        if (_commands.TryGetValue(sql, out var cmd))
        {
            cmd.Parameters.Clear();
            return cmd;
        }

        cmd = Db.Command(Transaction, sql);
        _commands.Add(sql, cmd);
        return cmd;
    }

    public object? Scalar(string sql, params (string Name, object? Value)[] args)
    {
        var cmd = Command(sql);
        foreach (var (n, v) in args)
        {
            cmd.Add(n, v);
        }

        var r = cmd.ExecuteScalar();
        return r is DBNull ? null : r;
    }

    public int Exec(string sql, params (string Name, object? Value)[] args)
    {
        var cmd = Command(sql);
        foreach (var (n, v) in args)
        {
            cmd.Add(n, v);
        }

        return cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var cmd in _commands.Values)
        {
            cmd.Dispose();
        }

        _commands.Clear();
    }
}
