using Rasid.Core;
using Rasid.Extraction.Lexicons;
using Rasid.Extraction.Mentions;

namespace Rasid.Extraction.Stages;

/// <summary>
/// Part of assembly: which sentences are title lines (the headline, section headings, a footer that repeats the
/// headline); events told there summarise the body.
/// </summary>
internal static class TitleSentences
{
    /// <summary>
    /// Title lines: a sentence that is a paragraph of its own and does not end in a full stop (the headline, section
    /// headings). They summarise events the body tells.
    /// </summary>
    internal static HashSet<int> Of(DocumentMentions doc)
    {
        var result = new HashSet<int>();
        var text = doc.Text;
        var p = doc.ParagraphOfSentence;
        if (p.Length < 2 || p[^1] == 0)
        {
            return result;
        }

        string? firstTitle = null;
        for (int i = 0; i < text.Sentences.Length;)
        {
            int j = i;
            while (j < text.Sentences.Length && p[j] == p[i])
            {
                j++;
            }

            var para = new TextSpan(text.Sentences[i].Span.Start, text.Sentences[j - 1].Span.End);
            var body = para.SliceSpan(text.Original).TrimEnd();
            // A line cut after a comma ("... مواقع تواجد المتمردين،") is a body sentence that goes on in the next line.
            if (body.Length is > 0 and < 200 && body[^1] is not ('.' or '!' or '\u061F' or '?' or '\u060C' or ',' or '\u061B' or ';'))
            {
                firstTitle ??= text.Normalized.Text.Substring(text.Tokens[text.Sentences[i].FirstToken].NormStart,
                    text.Tokens[text.Sentences[j - 1].EndToken - 1].NormEnd - text.Tokens[text.Sentences[i].FirstToken].NormStart);
                for (int k = i; k < j; k++)
                {
                    // A body sentence ended by a full stop and followed on its line by tags ("... شمالي المدينة. سمات
                    // بغداد كركوك") stays body text: only the unterminated part of the line is a title.
                    if (k == j - 1 || !EndsInStop(text.Sentences[k].Span.SliceSpan(text.Original)))
                    {
                        result.Add(k);
                    }
                }
            }
            else if (firstTitle is { Length: > 20 })
            {
                // A footer that repeats the headline ("رابط الخبر: ..."): also a title.
                for (int k = i; k < j; k++)
                {
                    var s = text.Sentences[k];
                    var norm = text.Normalized.Text.AsSpan(text.Tokens[s.FirstToken].NormStart, text.Tokens[s.EndToken - 1].NormEnd - text.Tokens[s.FirstToken].NormStart);
                    if (norm.Contains(firstTitle.AsSpan(Math.Max(0, firstTitle.Length - 40)), StringComparison.Ordinal))
                    {
                        result.Add(k);
                    }
                }
            }

            i = j;
        }

        return result;
    }

    private static bool EndsInStop(ReadOnlySpan<char> sentence)
    {
        var t = sentence.TrimEnd();
        return t.Length > 0 && t[^1] is '.' or '!' or '\u061F' or '?';
    }
}
