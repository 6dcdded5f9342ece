using System.Reflection;
using Rasid.Core;

namespace Rasid.Arabic.Data;

/// <summary>
/// A language data file (TSV) with a header that says where its entries come from and whether they are written before
/// or after normalization (STYLE.md §4), validated as it loads (§5): a bad row stops loading with file, line and reason.
/// </summary>
/// <remarks>
/// Layout: lines starting with <c>#</c> are directives (<c># key: value</c>) or comments; the first other line names the
/// columns (tab-separated); every following non-empty line is a row with at most that many cells (missing trailing cells
/// are empty). Required directives: <c>source</c> and <c>normalized</c> (<c>yes</c> or <c>no</c>).
/// </remarks>
public sealed class DataFile
{
    private DataFile(string name, IReadOnlyDictionary<string, string> directives, string[] columns, IReadOnlyList<DataRow> rows)
    {
        Name = name;
        Directives = directives;
        Columns = columns;
        Rows = rows;
    }

    /// <summary>The file's name as given in errors.</summary>
    public string Name { get; }

    public IReadOnlyDictionary<string, string> Directives { get; }

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<DataRow> Rows { get; }

    /// <summary>True when entries are already written in normalized form.</summary>
    public bool IsNormalized => Directives.TryGetValue("normalized", out var v) && v.Equals("yes", StringComparison.OrdinalIgnoreCase);

    /// <summary>Loads a data file embedded in <paramref name="assembly"/> under <c>rasid/…</c>.</summary>
    public static DataFile LoadEmbedded(Assembly assembly, string logicalName, params string[] requiredColumns)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var stream = assembly.GetManifestResourceStream(logicalName)
            ?? throw new RasidException("E200", logicalName, $"data file is not embedded in {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return Parse(logicalName, reader, requiredColumns);
    }

    public static DataFile LoadFile(string path, params string[] requiredColumns)
    {
        using var reader = new StreamReader(path);
        return Parse(path, reader, requiredColumns);
    }

    public static DataFile Parse(string name, TextReader reader, params string[] requiredColumns)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var directives = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string[]? columns = null;
        var rows = new List<DataRow>();
        int lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0 || line.All(char.IsWhiteSpace))
            {
                continue;
            }

            if (line[0] == '#')
            {
                int colon = line.IndexOf(':', StringComparison.Ordinal);
                if (columns is null && colon > 1)
                {
                    var key = line[1..colon].Trim();
                    if (key.Length > 0 && key.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
                    {
                        directives[key] = line[(colon + 1)..].Trim();
                    }
                }

                continue;
            }

            var cells = line.Split('\t');
            if (columns is null)
            {
                columns = cells.Select(c => c.Trim()).ToArray();
                foreach (var required in requiredColumns)
                {
                    if (!columns.Contains(required, StringComparer.Ordinal))
                    {
                        throw new RasidException("E201", $"{name}:{lineNo}", $"missing column '{required}' (columns: {string.Join(", ", columns)})");
                    }
                }

                continue;
            }

            if (cells.Length > columns.Length)
            {
                throw new RasidException("E202", $"{name}:{lineNo}", $"{cells.Length} cells but {columns.Length} columns");
            }

            rows.Add(new DataRow(name, lineNo, columns, cells));
        }

        if (columns is null)
        {
            throw new RasidException("E203", name, "no column header line");
        }

        foreach (var required in new[] { "source", "normalized" })
        {
            if (!directives.ContainsKey(required))
            {
                throw new RasidException("E204", name, $"header directive '# {required}: …' is missing");
            }
        }

        return new DataFile(name, directives, columns, rows);
    }
}

/// <summary>One row of a <see cref="DataFile"/>, with its line number for errors.</summary>
public sealed class DataRow
{
    private readonly string[] _columns;
    private readonly string[] _cells;

    internal DataRow(string file, int line, string[] columns, string[] cells)
    {
        File = file;
        Line = line;
        _columns = columns;
        _cells = cells;
    }

    public string File { get; }

    public int Line { get; }

    /// <summary>The cell of a column, trimmed; empty when the row is short.</summary>
    public string this[string column]
    {
        get
        {
            int i = Array.IndexOf(_columns, column);
            if (i < 0)
            {
                throw new RasidException("E205", File, $"no column '{column}'");
            }

            return i < _cells.Length ? _cells[i].Trim() : string.Empty;
        }
    }

    /// <summary>The cell as an integer, or an error naming file and line.</summary>
    public int Int(string column)
    {
        var v = this[column];
        return int.TryParse(v, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int n)
            ? n
            : throw Error($"column '{column}' is '{v}', not an integer");
    }

    public double Double(string column)
    {
        var v = this[column];
        return double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double d)
            ? d
            : throw Error($"column '{column}' is '{v}', not a number");
    }

    /// <summary>A cell's '|'-separated values (variants), each trimmed, empty ones dropped.</summary>
    public string[] List(string column) =>
        this[column].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public RasidException Error(string problem) => new("E206", $"{File}:{Line}", problem);
}
