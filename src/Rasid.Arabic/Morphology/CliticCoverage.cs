using System.Globalization;
using System.IO.Compression;
using System.Text;
using Rasid.Arabic.Text;
using Rasid.Core;

namespace Rasid.Arabic.Morphology;

/// <summary>
/// Measures what clitic segmentation buys for dictionary lookup, on ANERcorp (BIO-tagged news tokens, clitics attached)
/// with its own gazetteers (ANERGazet Loc/Org/Pers), all normalized: how often a LOC/ORG/PERS entity is found in the
/// gazetteer as written ("before") versus through <see cref="CliticSegmenter"/> readings ("after"), and how often a
/// token tagged O matches a gazetteer entry (the precision side). MISC tokens count on neither side.
/// </summary>
public static class CliticCoverage
{
    public const string CorpusFile = "ANERCorp_Benajiba_asis_HassanAzzam.txt.gz";

    private static readonly string[] Types = ["LOC", "ORG", "PERS"];

    /// <summary>Reads ANERcorp and ANERGazet from <paramref name="anercorpFolder"/> (gzip or plain) and measures.</summary>
    public static CliticCoverageReport Measure(string anercorpFolder)
    {
        ArgumentNullException.ThrowIfNull(anercorpFolder);
        if (!Directory.Exists(anercorpFolder))
        {
            throw new RasidException("E110", anercorpFolder, "ANERcorp folder not found");
        }

        var gazetteer = new List<(string Entry, string Type)>();
        foreach (var (type, name) in new[] { ("LOC", "ANERGazet_Loc"), ("ORG", "ANERGazet_Org"), ("PERS", "ANERGazet_Pers") })
        {
            foreach (var line in ReadLines(Find(anercorpFolder, name)))
            {
                gazetteer.Add((line, type));
            }
        }

        var corpus = new List<(string Token, string Tag)>();
        foreach (var line in ReadLines(Find(anercorpFolder, Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(CorpusFile)))))
        {
            int space = line.LastIndexOf(' ');
            if (space > 0)
            {
                corpus.Add((line[..space], line[(space + 1)..].Trim()));
            }
        }

        return Measure(corpus, gazetteer);
    }

    /// <summary>Measures over tokens with BIO tags (B-LOC, I-ORG, O…) and gazetteer entries with their type.</summary>
    public static CliticCoverageReport Measure(IReadOnlyList<(string Token, string Tag)> corpus, IEnumerable<(string Entry, string Type)> gazetteer)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(gazetteer);
        var gaz = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (entry, type) in gazetteer)
        {
            var key = Key(entry);
            if (key.Length > 0 && !key.All(c => c is '=' or '*' or '-' or ' ') && !gaz.ContainsKey(key))
            {
                gaz[key] = type;
            }
        }

        var lookup = gaz.GetAlternateLookup<ReadOnlySpan<char>>();
        var r = new Counts();
        var words = new List<string>();
        var originals = new List<string>();
        string? type0 = null;
        for (int i = 0; i <= corpus.Count; i++)
        {
            var (token, tag) = i < corpus.Count ? corpus[i] : ("", "O");
            var type = tag.Length > 2 && tag[1] == '-' ? tag[2..] : null;
            bool inside = tag.StartsWith("I-", StringComparison.Ordinal) && type == type0 && words.Count > 0;
            if (!inside && words.Count > 0)
            {
                Entity(words, originals, lookup, r);
                words.Clear();
                originals.Clear();
            }

            if (i == corpus.Count)
            {
                break;
            }

            var norm = Key(token);
            if (type is not null && Types.Contains(type))
            {
                words.Add(norm);
                originals.Add(token);
                type0 = type;
                r.EntityTokens++;
                TokenLookup(norm, token, lookup, out bool before, out bool afterPro, out bool afterAll);
                r.EntityTokenBefore += before ? 1 : 0;
                r.EntityTokenAfterProclitics += afterPro ? 1 : 0;
                r.EntityTokenAfterAll += afterAll ? 1 : 0;
            }
            else if (tag == "O" && norm.Length > 0 && norm.All(ArabicLetters.IsArabicLetter))
            {
                r.OtherTokens++;
                TokenLookup(norm, token, lookup, out bool before, out bool afterPro, out bool afterAll);
                r.OtherBefore += before ? 1 : 0;
                r.OtherAfterProclitics += afterPro ? 1 : 0;
                r.OtherAfterAll += afterAll ? 1 : 0;
            }
        }

        return new CliticCoverageReport(gaz.Count, r.Entities, r.EntityBefore, r.EntityAfterProclitics, r.EntityAfterAll,
            r.EntityTokens, r.EntityTokenBefore, r.EntityTokenAfterProclitics, r.EntityTokenAfterAll,
            r.OtherTokens, r.OtherBefore, r.OtherAfterProclitics, r.OtherAfterAll);
    }

    private static string Key(string s)
    {
        var n = ArabicNormalizer.Normalize(s);
        var tokens = Tokenizer.Tokenize(n);
        return string.Join(' ', tokens.Select(t => n.Text[t.NormStart..t.NormEnd]));
    }

    private static void TokenLookup(string word, string original, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> gaz, out bool before, out bool afterPro, out bool afterAll)
    {
        before = gaz.ContainsKey(word);
        afterPro = before || AnyReading(word, CliticOptions.Proclitics, gaz, "", "");
        afterAll = afterPro || AnyReading(word, CliticSegmenter.ForWord(original, CliticOptions.All), gaz, "", "");
    }

    // Multiword entities: proclitics on the first word, an enclitic on the last (a one-word entity may carry both).
    private static void Entity(List<string> words, List<string> originals, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> gaz, Counts r)
    {
        r.Entities++;
        var whole = string.Join(' ', words);
        bool before = gaz.ContainsKey(whole);
        bool afterPro = before;
        bool afterAll = before;
        if (!before)
        {
            var rest = words.Count > 1 ? " " + string.Join(' ', words.Skip(1)) : "";
            afterPro = AnyReading(words[0], CliticOptions.Proclitics, gaz, "", rest);
            afterAll = afterPro || (words.Count == 1
                ? AnyReading(words[0], CliticSegmenter.ForWord(originals[0], CliticOptions.All), gaz, "", "")
                : AnyReading(words[^1], CliticSegmenter.ForWord(originals[^1], CliticOptions.Enclitics), gaz, string.Join(' ', words.Take(words.Count - 1)) + " ", "")
                  || ProcliticsAndEnclitic(words, CliticSegmenter.ForWord(originals[^1], CliticOptions.Enclitics), gaz));
        }

        r.EntityBefore += before ? 1 : 0;
        r.EntityAfterProclitics += afterPro ? 1 : 0;
        r.EntityAfterAll += afterAll ? 1 : 0;
    }

    private static bool ProcliticsAndEnclitic(List<string> words, CliticOptions lastOptions, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> gaz)
    {
        var middle = words.Count > 2 ? " " + string.Join(' ', words.Skip(1).Take(words.Count - 2)) + " " : " ";
        var firsts = CliticSegmenter.Candidates(words[0]);
        foreach (var f in firsts)
        {
            var head = CliticSegmenter.Key(words[0], f) + middle;
            if (AnyReading(words[^1], lastOptions, gaz, head, ""))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyReading(string word, CliticOptions options, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> gaz, string head, string tail)
    {
        Span<StemCandidate> buffer = stackalloc StemCandidate[CliticSegmenter.MaxCandidates];
        int n = CliticSegmenter.Candidates(word, buffer, options);
        var sb = new StringBuilder();
        for (int i = 1; i < n; i++)
        {
            sb.Clear().Append(head).Append(CliticSegmenter.Key(word, buffer[i])).Append(tail);
            if (gaz.ContainsKey(sb.ToString()))
            {
                return true;
            }
        }

        return false;
    }

    private static string Find(string folder, string stem)
    {
        foreach (var candidate in new[] { stem + ".txt.gz", stem + ".txt", stem + ".gz", stem })
        {
            var p = Path.Combine(folder, candidate);
            if (File.Exists(p))
            {
                return p;
            }
        }

        throw new RasidException("E111", Path.Combine(folder, stem + ".txt.gz"), "ANERcorp file not found");
    }

    private static IEnumerable<string> ReadLines(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            line = line.Trim();
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }

    private sealed class Counts
    {
        public int Entities;
        public int EntityBefore;
        public int EntityAfterProclitics;
        public int EntityAfterAll;
        public int EntityTokens;
        public int EntityTokenBefore;
        public int EntityTokenAfterProclitics;
        public int EntityTokenAfterAll;
        public int OtherTokens;
        public int OtherBefore;
        public int OtherAfterProclitics;
        public int OtherAfterAll;
    }
}

/// <summary>
/// The figures of <see cref="CliticCoverage"/>. "Proclitics" readings strip و ف ب ل ك س ال لل; "all" also enclitic pronouns.
/// Token precision is the share of gazetteer-matching tokens that are tagged LOC/ORG/PERS (O tokens that match are spurious).
/// </summary>
public sealed record CliticCoverageReport(
    int GazetteerEntries,
    int Entities, int EntitiesFoundBefore, int EntitiesFoundAfterProclitics, int EntitiesFoundAfterAll,
    int EntityTokens, int EntityTokensFoundBefore, int EntityTokensFoundAfterProclitics, int EntityTokensFoundAfterAll,
    int OtherTokens, int OtherMatchedBefore, int OtherMatchedAfterProclitics, int OtherMatchedAfterAll)
{
    public static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    public double TokenPrecisionBefore => Ratio(EntityTokensFoundBefore, EntityTokensFoundBefore + OtherMatchedBefore);

    public double TokenPrecisionAfterProclitics => Ratio(EntityTokensFoundAfterProclitics, EntityTokensFoundAfterProclitics + OtherMatchedAfterProclitics);

    public double TokenPrecisionAfterAll => Ratio(EntityTokensFoundAfterAll, EntityTokensFoundAfterAll + OtherMatchedAfterAll);

    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        string P(int a, int b) => string.Create(inv, $"{a,6} / {b,-6} = {Ratio(a, b),6:P1}");
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"gazetteer entries (normalized, unique): {GazetteerEntries}");
        sb.AppendLine("                               before                   after proclitics         after proclitics+enclitics");
        sb.AppendLine(inv, $"entities found (LOC/ORG/PERS)  {P(EntitiesFoundBefore, Entities)}   {P(EntitiesFoundAfterProclitics, Entities)}   {P(EntitiesFoundAfterAll, Entities)}");
        sb.AppendLine(inv, $"entity tokens found            {P(EntityTokensFoundBefore, EntityTokens)}   {P(EntityTokensFoundAfterProclitics, EntityTokens)}   {P(EntityTokensFoundAfterAll, EntityTokens)}");
        sb.AppendLine(inv, $"O tokens matching (spurious)   {P(OtherMatchedBefore, OtherTokens)}   {P(OtherMatchedAfterProclitics, OtherTokens)}   {P(OtherMatchedAfterAll, OtherTokens)}");
        sb.AppendLine(inv, $"token precision                {TokenPrecisionBefore,24:P1}   {TokenPrecisionAfterProclitics,24:P1}   {TokenPrecisionAfterAll,24:P1}");
        return sb.ToString();
    }
}
