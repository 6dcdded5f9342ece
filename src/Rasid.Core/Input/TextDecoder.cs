using System.Text;

namespace Rasid.Core.Input;

/// <summary>Text decoded from bytes, with the encoding it was found in.</summary>
public sealed record DecodedText(string Text, string EncodingName);

/// <summary>
/// Decodes the bytes of a report in the encodings the Arabic web really uses: UTF-8 (with or without BOM), UTF-16
/// LE/BE with BOM, and the legacy single-byte Arabic code pages Windows-1256 and ISO-8859-6. A legacy page is accepted
/// only when it decodes to recognizably Arabic text; anything else is refused with a coded error naming the input.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Lazy<(Encoding Windows1256, Encoding Iso88596)> Legacy = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var fallback = DecoderFallback.ReplacementFallback;
        return (Encoding.GetEncoding(1256, EncoderFallback.ReplacementFallback, fallback),
                Encoding.GetEncoding("iso-8859-6", EncoderFallback.ReplacementFallback, fallback));
    });

    /// <summary>Minimum Arabic letters, and their minimum share of all letters, for a legacy-encoded text to be believed.</summary>
    private const int MinArabicLetters = 20;
    private const double MinArabicShare = 0.7;

    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string inputName, string? declaredCharset = null)
    {
        DecodedText result;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            result = new DecodedText(Utf8(bytes[3..], inputName), "utf-8-bom");
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            result = new DecodedText(Utf16(bytes[2..], inputName, bigEndian: false), "utf-16le");
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            result = new DecodedText(Utf16(bytes[2..], inputName, bigEndian: true), "utf-16be");
        }
        else
        {
            if (bytes.IsEmpty)
            {
                throw new RasidException("E102", inputName, "is empty");
            }

            int nul = bytes.IndexOf((byte)0);
            if (nul >= 0)
            {
                throw new RasidException("E104", inputName, $"looks binary (a NUL byte at offset {nul}); expected text (UTF-8, UTF-16 with BOM, Windows-1256 or ISO-8859-6)");
            }

            result = DecodeWithoutBom(bytes, inputName, declaredCharset);
        }

        if (string.IsNullOrWhiteSpace(result.Text))
        {
            throw new RasidException("E102", inputName, result.Text.Length == 0 ? "is empty" : "holds only white space");
        }

        return result;
    }

    private static DecodedText DecodeWithoutBom(ReadOnlySpan<byte> bytes, string inputName, string? declared)
    {
        var charset = declared?.Trim().ToLowerInvariant();
        if (charset is "windows-1256" or "cp1256")
        {
            return new DecodedText(Legacy.Value.Windows1256.GetString(bytes), "windows-1256");
        }

        if (charset is "iso-8859-6" or "iso_8859-6" or "arabic")
        {
            return new DecodedText(Legacy.Value.Iso88596.GetString(bytes), "iso-8859-6");
        }

        try
        {
            return new DecodedText(StrictUtf8.GetString(bytes), "utf-8");
        }
        catch (DecoderFallbackException ex)
        {
            var legacy = GuessLegacyArabic(bytes);
            if (legacy is not null)
            {
                return legacy;
            }

            throw new RasidException("E105", inputName,
                $"is not valid UTF-8 (bad byte sequence at offset {ex.Index}) and does not read as Arabic in Windows-1256 or ISO-8859-6; convert it to UTF-8 first");
        }
    }

    /// <summary>Decodes with both Arabic code pages and keeps the one that reads as Arabic, if either does.</summary>
    private static DecodedText? GuessLegacyArabic(ReadOnlySpan<byte> bytes)
    {
        var (w1256, iso) = Legacy.Value;
        var candidates = new[] { new DecodedText(w1256.GetString(bytes), "windows-1256"), new DecodedText(iso.GetString(bytes), "iso-8859-6") };
        DecodedText? best = null;
        double bestScore = 0;
        foreach (var c in candidates)
        {
            int arabic = 0, letters = 0, bad = 0;
            foreach (char ch in c.Text)
            {
                if (ch == '\uFFFD' || (ch < ' ' && ch is not ('\n' or '\r' or '\t')) || ch is >= '\u0080' and <= '\u009F')
                {
                    bad++;
                }
                else if (char.IsLetter(ch))
                {
                    letters++;
                    if (ch is >= '\u0600' and <= '\u06FF')
                    {
                        arabic++;
                    }
                }
            }

            if (arabic < MinArabicLetters || letters == 0 || (double)arabic / letters < MinArabicShare || bad > c.Text.Length / 100)
            {
                continue;
            }

            double score = (double)arabic / letters - (double)bad / c.Text.Length;
            if (score > bestScore)
            {
                bestScore = score;
                best = c;
            }
        }

        return best;
    }

    private static string Utf8(ReadOnlySpan<byte> bytes, string inputName)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new RasidException("E105", inputName, $"is not valid UTF-8 (bad byte sequence at offset {ex.Index + 3})");
        }
    }

    private static string Utf16(ReadOnlySpan<byte> bytes, string inputName, bool bigEndian)
    {
        if (bytes.Length % 2 != 0)
        {
            throw new RasidException("E106", inputName, "is UTF-16 (it has a byte order mark) but has an odd number of bytes; it is truncated");
        }

        try
        {
            return new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new RasidException("E106", inputName, $"is not valid UTF-16 (bad sequence at offset {ex.Index + 2})");
        }
    }
}
