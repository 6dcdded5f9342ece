using System.Globalization;
using Npgsql;

namespace Rasid.Bench;

/// <summary>
/// CPU time of a local PostgreSQL server and of the whole machine, from /proc: on a machine shared with other work the
/// wall clock says little, CPU seconds per document say where the cost is.
/// </summary>
public static class ServerCpu
{
    /// <summary>The postmaster's pid, when the server runs on this machine and we may read its data directory.</summary>
    public static int? Postmaster(NpgsqlConnection c)
    {
        try
        {
            var dir = (string)new NpgsqlCommand("SHOW data_directory", c).ExecuteScalar()!;
            var pid = int.Parse(File.ReadLines(System.IO.Path.Combine(dir, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
            return File.Exists($"/proc/{pid}/stat") ? pid : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PostgresException or FormatException)
        {
            return null;
        }
    }

    /// <summary>CPU seconds of the postmaster, its reaped children (cutime/cstime) and its live children.</summary>
    public static double TreeCpu(int postmaster)
    {
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(System.IO.Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(System.IO.Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                continue;
            }

            var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // fields from 3 (state) on
            int parent = int.Parse(f[1], CultureInfo.InvariantCulture);
            if (pid == postmaster)
            {
                ticks += long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture)
                       + long.Parse(f[13], CultureInfo.InvariantCulture) + long.Parse(f[14], CultureInfo.InvariantCulture);
            }
            else if (parent == postmaster)
            {
                ticks += long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture);
            }
        }

        return ticks / 100.0; // USER_HZ
    }

    /// <summary>CPU seconds the whole machine has been busy (all cores), from /proc/stat.</summary>
    public static double MachineBusy()
    {
        if (!File.Exists("/proc/stat"))
        {
            return 0;
        }

        var f = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long busy = 0;
        for (int i = 1; i < f.Length && i <= 8; i++)
        {
            if (i is not 4 and not 5) // idle, iowait
            {
                busy += long.Parse(f[i], CultureInfo.InvariantCulture);
            }
        }

        return busy / 100.0;
    }

    /// <summary>
    /// CPU seconds spent for one database: its live backends (other than <paramref name="self"/>) plus the children the
    /// postmaster has reaped (parallel query workers end there; so do other short connections to the same server, which
    /// makes this an upper bound on a shared server).
    /// </summary>
    public static double DatabaseCpu(NpgsqlConnection c, int postmaster)
    {
        var pids = new List<int>();
        using (var cmd = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", c))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                pids.Add(r.GetInt32(0));
            }
        }

        long ticks = 0;
        foreach (var pid in pids.Append(postmaster))
        {
            string stat;
            try
            {
                stat = File.ReadAllText($"/proc/{pid}/stat");
            }
            catch (IOException)
            {
                continue;
            }

            var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            ticks += pid == postmaster
                ? long.Parse(f[13], CultureInfo.InvariantCulture) + long.Parse(f[14], CultureInfo.InvariantCulture)
                : long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture);
        }

        return ticks / 100.0;
    }
}
