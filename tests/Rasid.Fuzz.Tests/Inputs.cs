using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Rasid.Fuzz.Tests;

/// <summary>
/// Input generators: arbitrary UTF-16 (lone surrogates included), an Arabic-heavy alphabet, and real articles mutated
/// the ways the web mangles text — bit flips, splices of Arabic/Latin/diacritic/zero-width/bidi characters, truncation
/// (mid-word, mid-surrogate), repetition, deletion and cross-over with another article. Byte-level mutators do the same
/// to encoded inputs (JSONL lines, feeds, HTML pages) with tokens of the format spliced in.
/// </summary>
internal static class Inputs
{
    /// <summary>Generated inputs never grow past this, so one execution stays well under the slow-input limit.</summary>
    public const int MaxChars = 120_000;

    // Letters, harakat, tatweel, zero-width and bidi controls, digits of three scripts, presentation forms (single
    // letters, lam-alef, phrase ligatures), Persian/Urdu forms, Latin, punctuation, emoji and lone surrogates, URLs,
    // line breaks, clause and sentence cues, and words the extractor reacts to (triggers, counts, negation, dates).
    public static readonly string[] Pieces =
    [
        .. Enumerable.Range(0x0621, 0x064A - 0x0621 + 1).Select(c => ((char)c).ToString()),
        .. Enumerable.Range(0x064B, 8).Select(c => ((char)c).ToString()),
        "\u0670", "\u06E5", "\u06D6", "\u0640", "\u0640\u0640",
        "\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202E", "\u2066", "\u2067", "\u2069", "\uFEFF", "\u061C", "\u00AD",
        "0", "1", "5", "9", "\u0660", "\u0662", "\u0669", "\u06F1", "\u06F5", "\u066B", "\u066C", "\u066A",
        "\uFE8D", "\uFEDF", "\uFEE4", "\uFEFB", "\uFEF5", "\uFE94", "\uFDF2", "\uFDFA", "\uFDFD", "\uFB8E", "\uFBFC", "\uFE7C",
        "\u06A9", "\u06CC", "\u06D5", "\u0649", "\u0629",
        "a", "Z", "é", "e\u0301", "F16", "ISIS", "U.S.",
        " ", " ", " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u00A0", "\u2028", "\u2029", "\u0085",
        ".", ",", "،", "؛", "؟", "!", "?", ":", "-", "—", "«", "»", "\"", "'", "(", ")", "[", "]", "...", "%", "/", "\\", "<", ">", "&",
        "👍", "👨\u200D👩", "❤\uFE0F", "\uD83D", "\uDC4D", "\uDC4D\uD83D", "\0", "\u0001", "\uFFFD", "\uFFFF",
        "http://", "https://x.org/a.b", "www.", "1,200", "3.5", "99999999999999999999", "-5", "1e309", "د.",
        "في حين", "بينما", "لكن", "إلا أن", "بالرقة", "للرقة", "وبمدينتهم", "حلب", "الموصل", "صنعاء", "بنغازي", "ريف دمشق",
        "قتل", "قتيلاً", "مقتل", "قصف", "غارة", "غارات", "انفجار", "اشتباكات", "سيارة مفخخة", "جرح", "أصيب", "لم يسفر", "نفى", "إذا", "لو",
        "قد", "سوف", "يعتزم", "أعلن", "زعم", "تنظيم داعش", "الجيش السوري", "قوات التحالف", "الحوثيين", "مدنيين", "عشرات", "ثلاثة", "مئات",
        "أمس", "اليوم", "الثلاثاء", "32 شباط", "31 نيسان", "يوم 0", "1437 هـ", "9999 هـ", "عام 0001", "2015-07-21", "بين 10 و15", "أكثر من 20",
        "20 كم شرق", "جنوب", "شمال غرب",
    ];

    private static readonly Gen<string> Piece = Gen.Elements(Pieces);

    public static Gen<string> AnyUnicode { get; } = Gen.Choose(0, 0xFFFF).Select(c => (char)c).ListOf().Select(cs => new string([.. cs]));

    public static Gen<string> ArabicHeavy { get; } = Piece.ListOf().Select(parts => string.Concat(parts));

    /// <summary>A real article with 1–8 mutations; the corpus is required (see <see cref="Text"/>).</summary>
    public static Gen<string> MutatedArticle { get; } =
        Gen.Choose(0, Math.Max(0, Corpus.Texts.Length - 1)).SelectMany(i =>
            Gen.Choose(1, 8).SelectMany(n => Op.ArrayOf(n)).Select(ops => MutateText(Corpus.Texts[i], ops)));

    /// <summary>What every text target reads: generated text, and mutated real articles when the corpus is present.</summary>
    public static Gen<string> Text { get; } = Corpus.Texts.Length == 0
        ? Gen.Frequency((1, AnyUnicode), (2, ArabicHeavy))
        : Gen.Frequency((1, AnyUnicode), (2, ArabicHeavy), (5, MutatedArticle));

    public static Arbitrary<string> TextArbitrary { get; } = Arb.From(Text, ShrinkString);

    /// <summary>One mutation: its kind and three raw numbers read modulo the input's length when applied.</summary>
    public readonly record struct Mutation(int Kind, int A, int B, int C);

    public static Gen<Mutation> Op { get; } =
        Gen.Choose(0, 7).SelectMany(k => Gen.Choose(0, int.MaxValue).SelectMany(a => Gen.Choose(0, int.MaxValue).SelectMany(b =>
            Gen.Choose(0, 64).Select(c => new Mutation(k, a, b, c)))));

    public static string MutateText(string text, IEnumerable<Mutation> ops)
    {
        var s = text;
        foreach (var op in ops)
        {
            int at = op.A % (s.Length + 1);
            switch (op.Kind)
            {
                case 0: // flip one bit of a UTF-16 unit (may leave a lone surrogate)
                    if (s.Length > 0)
                    {
                        int i = op.A % s.Length;
                        s = string.Concat(s.AsSpan(0, i), ((char)(s[i] ^ (1 << (op.B % 16)))).ToString(), s.AsSpan(i + 1));
                    }

                    break;
                case 1: // splice 1–8 pieces of the alphabet
                    s = s.Insert(at, string.Concat(Enumerable.Range(0, 1 + (op.C % 8)).Select(j => Pieces[(int)((uint)(op.B + (j * 7919)) % (uint)Pieces.Length)])));
                    break;
                case 2: // truncate
                    s = s[..at];
                    break;
                case 3: // repeat a slice
                    {
                        int len = Math.Min(s.Length - at, 1 + (op.B % 400));
                        if (len > 0)
                        {
                            var slice = s.Substring(at, len);
                            int times = Math.Min(op.C + 1, Math.Max(1, (MaxChars - s.Length) / len));
                            s = s.Insert(at, string.Concat(Enumerable.Repeat(slice, times)));
                        }
                    }

                    break;
                case 4: // delete a slice
                    s = s.Remove(at, Math.Min(s.Length - at, op.B % 200));
                    break;
                case 5: // cross-over: a slice of another article
                    if (Corpus.Texts.Length > 0)
                    {
                        var other = Corpus.Texts[op.B % Corpus.Texts.Length];
                        int from = op.C * 97 % Math.Max(1, other.Length);
                        s = s.Insert(at, other.Substring(from, Math.Min(other.Length - from, 50 + (op.B % 500))));
                    }

                    break;
                case 6: // flip bits in the UTF-8 bytes and decode leniently, as a mis-encoded page would arrive
                    {
                        var bytes = Encoding.UTF8.GetBytes(s);
                        if (bytes.Length > 0)
                        {
                            for (int j = 0; j <= op.C % 4; j++)
                            {
                                bytes[(op.A + (j * 131)) % bytes.Length] ^= (byte)(1 << ((op.B + j) % 8));
                            }

                            s = Encoding.UTF8.GetString(bytes);
                        }
                    }

                    break;
                default: // the same character many times (a 'line' of tatweel, spaces, dots or digits)
                    s = s.Insert(at, new string("\u0640 .9\u064E،"[op.B % 6], 1 + (op.C * 37)));
                    break;
            }

            if (s.Length > MaxChars)
            {
                s = s[..MaxChars];
            }
        }

        return s;
    }

    /// <summary>Byte-level mutation of an encoded input, splicing in <paramref name="tokens"/> of its format.</summary>
    public static byte[] MutateBytes(byte[] input, IEnumerable<Mutation> ops, string[] tokens)
    {
        var b = new List<byte>(input);
        foreach (var op in ops)
        {
            int at = op.A % (b.Count + 1);
            switch (op.Kind)
            {
                case 0:
                    if (b.Count > 0)
                    {
                        b[op.A % b.Count] ^= (byte)(1 << (op.B % 8));
                    }

                    break;
                case 1:
                    b.InsertRange(at, Encoding.UTF8.GetBytes(tokens[op.B % tokens.Length]));
                    break;
                case 2:
                    b.RemoveRange(at, b.Count - at);
                    break;
                case 3:
                    {
                        int len = Math.Min(b.Count - at, 1 + (op.B % 300));
                        if (len > 0)
                        {
                            var slice = b.GetRange(at, len);
                            for (int t = 0; t <= op.C % 16 && b.Count + len < MaxChars; t++)
                            {
                                b.InsertRange(at, slice);
                            }
                        }
                    }

                    break;
                case 4:
                    b.RemoveRange(at, Math.Min(b.Count - at, op.B % 100));
                    break;
                case 5:
                    if (b.Count > 0)
                    {
                        b[op.A % b.Count] = (byte[])[0x00, 0xFF, 0xC3, 0x80, (byte)'"', (byte)'<', (byte)'\n', (byte)'\\'] is var special ? special[op.B % special.Length] : (byte)0;
                    }

                    break;
                case 6:
                    b.InsertRange(at, Encoding.UTF8.GetBytes(Pieces[op.B % Pieces.Length]));
                    break;
                default:
                    b.InsertRange(at, Encoding.UTF8.GetBytes(tokens[op.B % tokens.Length] + tokens[op.C % tokens.Length]));
                    break;
            }
        }

        return [.. b];
    }

    /// <summary>Generated encoded inputs of a format: well-formed samples, mutated.</summary>
    public static Arbitrary<byte[]> MutatedBytes(Gen<byte[]> samples, string[] tokens) =>
        Arb.From(
            samples.SelectMany(sample => Gen.Choose(0, 6).SelectMany(n => Op.ArrayOf(n)).Select(ops => MutateBytes(sample, ops, tokens))),
            ShrinkBytes);

    // Shrink by halves and by dropping single characters (enough to get a readable counterexample).
    public static IEnumerable<string> ShrinkString(string s)
    {
        if (s.Length == 0)
        {
            yield break;
        }

        yield return s[..(s.Length / 2)];
        yield return s[(s.Length / 2)..];
        for (int i = 0; i < s.Length && i < 32; i++)
        {
            yield return s.Remove(i, 1);
        }
    }

    public static IEnumerable<byte[]> ShrinkBytes(byte[] b)
    {
        if (b.Length == 0)
        {
            yield break;
        }

        yield return b[..(b.Length / 2)];
        yield return b[(b.Length / 2)..];
        for (int i = 0; i < b.Length && i < 32; i++)
        {
            yield return [.. b[..i], .. b[(i + 1)..]];
        }
    }

    /// <summary>A string for showing in a failure: escaped, and cut when long.</summary>
    public static string Show(string s)
    {
        var cut = s.Length > 300 ? s[..300] + $"… ({s.Length} chars)" : s;
        return System.Text.Json.JsonSerializer.Serialize(cut);
    }
}
