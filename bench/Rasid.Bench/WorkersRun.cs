using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Npgsql;
using Rasid.Store.Postgres;

namespace Rasid.Bench;

public sealed record WorkersRunOptions(string Db, IReadOnlyList<int> Workers, int Threads, int Batch, int Limit, string? Path, bool Force);

/// <summary>
/// Scale-out benchmark: for each worker count, resets the PostgreSQL database, enqueues the bulk dump with the real
/// <c>rasid ingest --enqueue</c>, starts that many real <c>rasid worker</c> processes and waits until the queue is
/// drained. Reports docs/s, the speed-up over the first count, each worker's CPU time, CPU % and peak RSS (from its
/// own summary line), the server's CPU time (the postmaster's process tree, when the server is local), the database
/// size, what the workers' connections were doing (pg_stat_activity sampled every 50 ms) and, when the extension is
/// loaded, the statements that took the server's time (pg_stat_statements).
/// </summary>
public sealed partial class WorkersRun(WorkersRunOptions options, TextWriter output)
{
    private const string AppName = "rasid-bench-worker";
    private static readonly string[] StoreTables = ["documents", "events", "incidents", "evidence", "jobs"];

    public int Run()
    {
        var admin = new NpgsqlConnectionStringBuilder(PostgresEventStore.ToConnectionString(options.Db));
        var database = admin.Database ?? throw new ArgumentException("--db must name a database");
        if (!options.Force && !database.Contains("bench", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"the workers benchmark drops and recreates database '{database}': use a database whose name contains 'bench', or pass --force");
        }

        var rasid = System.IO.Path.Combine(AppContext.BaseDirectory, "rasid.dll");
        var input = PrepareInput(out var documents);
        output.WriteLine($"# Workers benchmark: {documents:N0} documents of {System.IO.Path.GetFileName(options.Path ?? BulkCorpus.DefaultPath())}, " +
                         $"{options.Threads} extraction thread(s) per worker, batch {options.Batch}, {Environment.ProcessorCount} cores, " +
                         $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        output.WriteLine();
        var rows = new List<Result>();
        foreach (var n in options.Workers)
        {
            Reset(admin, database);
            var r = RunOnce(rasid, input, n, admin);
            rows.Add(r);
            Report(r, rows[0]);
        }

        output.WriteLine();
        output.WriteLine("| workers | docs | wall s | docs/s | speed-up | worker CPU s (sum) | CPU % per worker | peak RSS MB per worker | DB CPU s | other load (cores) | lock wait s | queue wait (claim) s | DB size MB |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Workers} | {r.Jobs:N0} | {r.Wall:F1} | {r.Jobs / r.Wall:F0} | {Rate(r) / Rate(rows[0]):F2}× | " +
                $"{r.Lines.Sum(l => l.Cpu):F1} | {string.Join(" / ", r.Lines.Select(l => $"{100 * l.Cpu / r.Wall:F0}"))} | {string.Join(" / ", r.Lines.Select(l => l.PeakRssMb))} | " +
                $"{(r.DbCpu is { } c ? c.ToString("F1", CultureInfo.InvariantCulture) : "n/a")} | {r.OtherLoad:F2} | {r.Lines.Sum(l => l.LockWait):F1} | {r.Lines.Sum(l => l.Claim):F1} | {r.DbBytes / 1048576.0:F0} |"));
        }

        File.Delete(input);
        return rows.All(r => r.Ok) ? 0 : 1;
    }

    private static double Rate(Result r) => r.Jobs / Math.Max(0.001, r.Wall);

    private sealed record WorkerLine(double Cpu, long PeakRssMb, double Claim, double Extract, double Write, double LockWait, double LockHeld, long Jobs);

    private sealed record Result(int Workers, long Jobs, double Enqueue, double Wall, IReadOnlyList<WorkerLine> Lines, double? DbCpu, double OtherLoad,
        long DbBytes, IReadOnlyList<(string Table, long Bytes, long Rows)> Tables, IReadOnlyDictionary<string, int> Waits, int Samples,
        IReadOnlyList<string> TopStatements, IReadOnlyList<string> Breakdown, bool Ok);

    private string PrepareInput(out int documents)
    {
        var path = options.Path ?? BulkCorpus.DefaultPath();
        if (path is null || !File.Exists(path))
        {
            throw new FileNotFoundException($"the bulk corpus ({BulkCorpus.DefaultRelativePath}) is not in ../shared or $RASID_SHARED (pass --path)");
        }

        // A copy of the first --limit lines (all by default), so every run enqueues exactly the same documents.
        var tmp = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"rasid-workers-bench-{Environment.ProcessId}.jsonl");
        using var reader = new StreamReader(path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(File.OpenRead(path), CompressionMode.Decompress) : File.OpenRead(path));
        using var writer = new StreamWriter(tmp);
        documents = 0;
        while (reader.ReadLine() is { } line && (options.Limit <= 0 || documents < options.Limit))
        {
            if (line.Length > 0)
            {
                writer.WriteLine(line);
                documents++;
            }
        }

        return tmp;
    }

    private static void Reset(NpgsqlConnectionStringBuilder admin, string database)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = "postgres", Pooling = false };
        using var c = new NpgsqlConnection(maintenance.ConnectionString);
        c.Open();
        Exec(c, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        Exec(c, $"CREATE DATABASE \"{database}\"");
    }

    private Result RunOnce(string rasid, string input, int workers, NpgsqlConnectionStringBuilder admin)
    {
        var db = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { ApplicationName = AppName }.ConnectionString;
        var enqueueClock = Stopwatch.StartNew();
        var (code, err) = RunRasid(rasid, "ingest", input, "--db", db, "--enqueue");
        if (code != 0)
        {
            throw new InvalidOperationException($"rasid ingest --enqueue failed: {err}");
        }

        double enqueue = enqueueClock.Elapsed.TotalSeconds;
        using var probe = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin.ConnectionString) { ApplicationName = "rasid-bench-probe", Pooling = false }.ConnectionString);
        probe.Open();
        Exec(probe, "VACUUM ANALYZE jobs");
        bool statements = TryExec(probe, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements") && TryExec(probe, "SELECT pg_stat_statements_reset()");
        var postmaster = ServerCpu.Postmaster(probe);
        var dbCpu0 = postmaster is { } pm ? ServerCpu.TreeCpu(pm) : (double?)null;
        var machine0 = ServerCpu.MachineBusy();

        var clock = Stopwatch.StartNew();
        var procs = Enumerable.Range(0, workers).Select(_ => StartRasid(rasid, "worker", "--db", db, "--threads",
            options.Threads.ToString(CultureInfo.InvariantCulture), "--batch", options.Batch.ToString(CultureInfo.InvariantCulture))).ToList();
        var stderr = procs.Select(p => p.StandardError.ReadToEndAsync()).ToList();
        var waits = new Dictionary<string, int>(StringComparer.Ordinal);
        int samples = 0;
        while (procs.Any(p => !p.HasExited))
        {
            samples++;
            using var cmd = new NpgsqlCommand("""
                SELECT CASE WHEN state = 'active' THEN coalesce(wait_event_type || ':' || wait_event, 'active (CPU)')
                            WHEN state = 'idle in transaction' THEN 'idle in transaction (client works)'
                            ELSE 'idle (client works)' END, count(*)
                FROM pg_stat_activity WHERE application_name = @app AND datname = current_database() GROUP BY 1
                """, probe);
            cmd.Parameters.AddWithValue("app", AppName);
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                {
                    waits[r.GetString(0)] = waits.GetValueOrDefault(r.GetString(0)) + (int)r.GetInt64(1);
                }
            }

            Thread.Sleep(50);
        }

        double wall = clock.Elapsed.TotalSeconds;
        var machine1 = ServerCpu.MachineBusy();
        var lines = new List<WorkerLine>();
        bool ok = true;
        for (int i = 0; i < procs.Count; i++)
        {
            var text = stderr[i].Result;
            ok &= procs[i].ExitCode == 0;
            var m = SummaryLine().Match(text);
            if (!m.Success)
            {
                output.WriteLine($"worker {i} exited {procs[i].ExitCode} without a summary: {text.Trim()}");
                ok = false;
                continue;
            }

            double D(string g) => double.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
            lines.Add(new WorkerLine(D("cpu"), long.Parse(m.Groups["rss"].Value, CultureInfo.InvariantCulture), D("claim"), D("extract"), D("write"), D("lock"), D("held"),
                long.Parse(m.Groups["jobs"].Value, CultureInfo.InvariantCulture)));
            procs[i].Dispose();
        }

        var dbCpu = postmaster is { } pm2 && dbCpu0 is { } d0 ? ServerCpu.TreeCpu(pm2) - d0 : (double?)null;
        // Everything the machine did in the run that was neither our workers nor (when measurable) the database server.
        double otherLoad = Math.Max(0, (machine1 - machine0 - lines.Sum(l => l.Cpu) - (dbCpu ?? 0)) / wall);
        var top = statements ? TopStatements(probe) : [];
        Exec(probe, "VACUUM"); // sizes as autovacuum would leave them: dead row versions of claimed/done jobs reclaimed
        var tables = Tables(probe);
        var breakdown = StoreTables.Select(t => Breakdown(probe, t)).ToList();
        long dbBytes = Convert.ToInt64(new NpgsqlCommand("SELECT pg_database_size(current_database())", probe).ExecuteScalar(), CultureInfo.InvariantCulture);
        return new Result(workers, lines.Sum(l => l.Jobs), enqueue, wall, lines, dbCpu, otherLoad, dbBytes, tables, waits, samples, top, breakdown, ok);
    }

    private void Report(Result r, Result first)
    {
        var w = output;
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"## {r.Workers} worker(s)"));
        w.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"enqueue {r.Enqueue:F1} s; drain {r.Wall:F1} s wall = {r.Jobs / r.Wall:F0} docs/s (speed-up {Rate(r) / Rate(first):F2}× over {first.Workers}); " +
            $"DB CPU {(r.DbCpu is { } c ? $"{c:F1} s ({c / Math.Max(1, r.Jobs) * 1000:F2} ms/doc)" : "n/a (server not local)")}; other load {r.OtherLoad:F2} cores"));
        foreach (var l in r.Lines)
        {
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"- worker: {l.Jobs:N0} jobs, CPU {l.Cpu:F1} s ({100 * l.Cpu / r.Wall:F0} %), peak RSS {l.PeakRssMb} MB; claim {l.Claim:F1} s, extract {l.Extract:F1} s, write {l.Write:F1} s (lock wait {l.LockWait:F1} s, held {l.LockHeld:F1} s = {1000 * l.LockHeld / Math.Max(1, l.Jobs):F2} ms/doc)"));
        }

        int total = r.Waits.Values.Sum();
        w.WriteLine($"- worker connections sampled {r.Samples} times: " + string.Join(", ", r.Waits.OrderByDescending(kv => kv.Value)
            .Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {100.0 * kv.Value / Math.Max(1, total):F0} %"))));
        w.WriteLine($"- database {r.DbBytes / 1048576.0:F0} MB: " + string.Join(", ", r.Tables.Select(t =>
            string.Create(CultureInfo.InvariantCulture, $"{t.Table} {t.Bytes / 1048576.0:F1} MB ({t.Rows:N0} rows)"))));
        var stored = r.Tables.FirstOrDefault(t => t.Table == "documents");
        if (stored.Rows > 0)
        {
            long storeBytes = r.Tables.Where(t => t.Table != "jobs").Sum(t => t.Bytes);
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- store without the job queue: {storeBytes / (double)stored.Rows:F0} bytes per document"));
        }

        foreach (var b in r.Breakdown)
        {
            w.WriteLine($"  - {b}");
        }

        w.WriteLine("- statements that took the server's time (pg_stat_statements):");
        foreach (var s in r.TopStatements)
        {
            w.WriteLine($"  - {s}");
        }

        w.WriteLine();
        w.Flush();
    }

    private static List<(string, long, long)> Tables(NpgsqlConnection c)
    {
        var names = new List<string>();
        using (var cmd = new NpgsqlCommand("SELECT relname FROM pg_stat_user_tables ORDER BY pg_total_relation_size(relid) DESC", c))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                names.Add(r.GetString(0));
            }
        }

        return names.Select(n => (n, Convert.ToInt64(new NpgsqlCommand($"SELECT pg_total_relation_size('{n}')", c).ExecuteScalar(), CultureInfo.InvariantCulture),
            Convert.ToInt64(new NpgsqlCommand($"SELECT count(*) FROM {n}", c).ExecuteScalar(), CultureInfo.InvariantCulture))).ToList();
    }

    /// <summary>Where a table's bytes are: heap, TOAST (long texts, compressed), and each index.</summary>
    private static string Breakdown(NpgsqlConnection c, string table)
    {
        using var cmd = new NpgsqlCommand("""
            SELECT pg_relation_size(t.oid), coalesce(pg_total_relation_size(nullif(t.reltoastrelid, 0)), 0),
                   (SELECT string_agg(i.relname || ' ' || round(pg_relation_size(i.oid) / 1048576.0, 1) || ' MB', ', ' ORDER BY pg_relation_size(i.oid) DESC)
                    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = t.oid)
            FROM pg_class t WHERE t.relname = @t AND t.relkind = 'r'
            """, c);
        cmd.Parameters.AddWithValue("t", table);
        using var r = cmd.ExecuteReader();
        return r.Read()
            ? string.Create(CultureInfo.InvariantCulture, $"{table}: heap {r.GetInt64(0) / 1048576.0:F1} MB, TOAST {r.GetInt64(1) / 1048576.0:F1} MB, indexes {(r.IsDBNull(2) ? "none" : r.GetString(2))}")
            : $"{table}: absent";
    }

    private static List<string> TopStatements(NpgsqlConnection c)
    {
        var list = new List<string>();
        using var cmd = new NpgsqlCommand("""
            SELECT calls, total_exec_time, regexp_replace(left(query, 90), '\s+', ' ', 'g')
            FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            ORDER BY total_exec_time DESC LIMIT 8
            """, c);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(string.Create(CultureInfo.InvariantCulture, $"{r.GetDouble(1) / 1000:F1} s in {r.GetInt64(0):N0} calls: {r.GetString(2)}"));
        }

        return list;
    }

    private static Process StartRasid(string dll, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = false, UseShellExecute = false };
        // Workers run as docs/scale-out.md recommends for a long-running worker: without tiered compilation, so methods are
        // compiled once, optimized, on the thread that needs them — not compiled quickly and then again on a background
        // thread (which took 3.4 of 7.9 s CPU of a 1,420-document worker, overlapping its work). Set it in the environment
        // to compare (DOTNET_TieredCompilation=1).
        if (args.Length > 0 && args[0] == "worker" && Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") is null)
        {
            psi.Environment["DOTNET_TieredCompilation"] = "0";
        }

        psi.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        return Process.Start(psi)!;
    }

    private static (int, string) RunRasid(string dll, params string[] args)
    {
        using var p = StartRasid(dll, args);
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, err);
    }

    private static void Exec(NpgsqlConnection c, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, c) { CommandTimeout = 600 };
        cmd.ExecuteNonQuery();
    }

    private static bool TryExec(NpgsqlConnection c, string sql)
    {
        try
        {
            Exec(c, sql);
            return true;
        }
        catch (PostgresException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"rasid worker \S+: (?<jobs>\d+) jobs.*cpu (?<cpu>[\d.]+) s, peak rss (?<rss>\d+) MB; claim (?<claim>[\d.]+) s, extract (?<extract>[\d.]+) s, write (?<write>[\d.]+) s \(lock wait (?<lock>[\d.]+) s, held (?<held>[\d.]+) s\)")]
    private static partial Regex SummaryLine();
}
