using System.Globalization;
using System.Text;
using Rasid.Arabic.Data;
using Rasid.Arabic.Text;
using Rasid.Core;

namespace Rasid.Arabic.Tests;

/// <summary>
/// The data-file rules of STYLE.md §6, as a list of problems per file: NFC only; no presentation forms (U+FB50–FDFF,
/// U+FE70–FEFF) and no tatweel; the <c># source:</c> and <c># normalized: yes|no</c> directives; a file that declares
/// <c>normalized: yes</c> holds only normalized Arabic; no two rows whose first column is the same after normalization
/// unless the file says <c># duplicates: allowed</c>.
/// </summary>
public static class DataLint
{
    public static List<string> Check(string name, string content)
    {
        var problems = new List<string>();
        if (!content.IsNormalized(NormalizationForm.FormC))
        {
            problems.Add($"{name}: not in Unicode NFC (normalize the file to NFC)");
        }

        var lines = content.Split('\n');
        for (int l = 0; l < lines.Length; l++)
        {
            var line = lines[l];
            for (int c = 0; c < line.Length; c++)
            {
                char ch = line[c];
                if (ch is (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF'))
                {
                    problems.Add($"{name}:{l + 1}:{c + 1}: presentation form U+{(int)ch:X4} (write the plain letter)");
                }
                else if (ch == ArabicLetters.Tatweel)
                {
                    problems.Add($"{name}:{l + 1}:{c + 1}: tatweel U+0640");
                }
            }
        }

        DataFile file;
        try
        {
            file = DataFile.Parse(name, new StringReader(content));
        }
        catch (RasidException ex)
        {
            problems.Add(ex.Message);
            return problems;
        }

        var normalized = file.Directives["normalized"];
        if (normalized is not ("yes" or "no"))
        {
            problems.Add($"{name}: '# normalized: {normalized}' must be yes or no");
        }

        bool duplicatesAllowed = file.Directives.TryGetValue("duplicates", out var d) && d.StartsWith("allowed", StringComparison.OrdinalIgnoreCase);
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstColumn = file.Columns[0];
        foreach (var row in file.Rows)
        {
            if (file.IsNormalized)
            {
                foreach (var column in file.Columns)
                {
                    var cell = row[column];
                    foreach (char ch in cell)
                    {
                        if (IsArabicBlock(ch) && ArabicNormalizer.FoldChar(ch) != ch)
                        {
                            problems.Add($"{name}:{row.Line}: '{cell}' is declared normalized but has U+{(int)ch:X4} (normalizes to '{ArabicNormalizer.NormalizeKey(ch.ToString())}')");
                            break;
                        }
                    }
                }
            }

            if (!duplicatesAllowed)
            {
                var key = string.Join(' ', ArabicNormalizer.NormalizeKey(row[firstColumn]).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                if (key.Length > 0 && !firstSeen.TryAdd(key, row.Line))
                {
                    problems.Add($"{name}:{row.Line}: '{row[firstColumn]}' duplicates line {firstSeen[key]} after normalization ('{key}'); merge them or add '# duplicates: allowed'");
                }
            }
        }

        return problems;
    }

    private static bool IsArabicBlock(char c) =>
        c is (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') or (>= '\u08A0' and <= '\u08FF');

    /// <summary>Every data/**/*.tsv file of the repository, as paths relative to the repository root.</summary>
    public static IEnumerable<string> RepositoryDataFiles(string repoRoot)
    {
        var data = Path.Combine(repoRoot, "data");
        if (!Directory.Exists(data))
        {
            return [];
        }

        return Directory.EnumerateFiles(data, "*.tsv", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(repoRoot, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
    }

    public static string Describe(IEnumerable<string> problems) => string.Join('\n', problems.Select(p => string.Create(CultureInfo.InvariantCulture, $"  {p}")));
}
