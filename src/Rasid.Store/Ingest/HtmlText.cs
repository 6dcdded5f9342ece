using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Rasid.Store.Ingest;

/// <summary>
/// Turns an HTML page or fragment into the plain text Rasid reads: the text of the page with block elements on their
/// own lines, scripts, styles and navigation chrome dropped, entities decoded. The walk is iterative, so deeply nested
/// markup cannot overflow the stack. The plain text becomes the document's original text; spans point into it.
/// </summary>
public static partial class HtmlText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "head", "nav", "footer", "form", "button", "select",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article", "header",
        "blockquote", "pre", "figcaption", "dd", "dt", "hr", "main", "aside", "title",
    };

    /// <summary>True when text looks like HTML rather than plain text.</summary>
    public static bool LooksLikeHtml(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var head = text.AsSpan(0, Math.Min(text.Length, 2048)).TrimStart();
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
               || MarkupTag().Count(text.Length > 20000 ? text[..20000] : text) >= 3;
    }

    /// <summary>The charset an HTML page declares in its first bytes (&lt;meta charset&gt; or http-equiv), if any.</summary>
    public static string? DeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 2048)]);
        var m = CharsetDeclaration().Match(head);
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>Beyond this nesting depth a page is read by the linear fallback: HTML5 tree building is quadratic on deep nesting.</summary>
    public const int MaxNestingDepth = 1000;

    public static string ToText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (NestingDepth(html) > MaxNestingDepth)
        {
            return StripTags(html);
        }

        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(html);
        var sb = new StringBuilder(html.Length / 2);
        var title = document.Title;
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((document.Body ?? (INode)document.DocumentElement, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is IElement element)
            {
                if (Skipped.Contains(element.LocalName))
                {
                    continue;
                }

                bool block = Blocks.Contains(element.LocalName);
                if (exit || element.LocalName is "br" or "hr")
                {
                    if (block)
                    {
                        NewLine(sb);
                    }

                    continue;
                }

                if (block)
                {
                    NewLine(sb);
                }

                stack.Push((node, true));
                for (int i = node.ChildNodes.Length - 1; i >= 0; i--)
                {
                    stack.Push((node.ChildNodes[i], false));
                }
            }
            else if (node is IText text)
            {
                AppendCollapsed(sb, text.Data);
            }
            else if (!exit && node.HasChildNodes)
            {
                for (int i = node.ChildNodes.Length - 1; i >= 0; i--)
                {
                    stack.Push((node.ChildNodes[i], false));
                }
            }
        }

        var body = Lines().Replace(sb.ToString(), "\n").Trim();
        if (!string.IsNullOrWhiteSpace(title) && !body.StartsWith(title.Trim(), StringComparison.Ordinal))
        {
            body = title.Trim() + "\n\n" + body;
        }

        return body;
    }

    /// <summary>An upper bound of the element nesting depth, by one linear scan over the tags.</summary>
    internal static int NestingDepth(string html)
    {
        int depth = 0, max = 0;
        for (int i = html.IndexOf('<', StringComparison.Ordinal); i >= 0 && i + 1 < html.Length; i = html.IndexOf('<', i + 1))
        {
            char c = html[i + 1];
            if (c == '/')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (char.IsAsciiLetter(c))
            {
                int close = html.IndexOf('>', i);
                if (close > 0 && html[close - 1] != '/')
                {
                    depth++;
                    max = Math.Max(max, depth);
                }
            }
        }

        return max;
    }

    /// <summary>The linear fallback: drop scripts/styles and tags, decode entities, keep block breaks as lines.</summary>
    private static string StripTags(string html)
    {
        var s = ScriptOrStyle().Replace(html, " ");
        s = BlockTag().Replace(s, "\n");
        s = AnyTag().Replace(s, string.Empty);
        s = System.Net.WebUtility.HtmlDecode(s);
        return Lines().Replace(Spaces().Replace(s, " "), "\n").Trim();
    }

    [GeneratedRegex(@"<script\b[^>]*>.*?</script\s*>|<style\b[^>]*>.*?</style\s*>|<noscript\b[^>]*>.*?</noscript\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<\s*/?\s*(p|div|br|li|tr|h[1-6]|section|article|blockquote|title)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.NonBacktracking)]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"[ \t\u00A0]+")]
    private static partial Regex Spaces();

    private static void NewLine(StringBuilder sb)
    {
        if (sb.Length > 0 && sb[^1] != '\n')
        {
            sb.Append('\n');
        }
    }

    private static void AppendCollapsed(StringBuilder sb, string data)
    {
        foreach (char c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] is not (' ' or '\n'))
                {
                    sb.Append(' ');
                }
            }
            else
            {
                sb.Append(c);
            }
        }
    }

    [GeneratedRegex(@"<(p|div|br|span|a|html|body|head|table|li|h[1-6])\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex MarkupTag();

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?\s*([A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetDeclaration();

    [GeneratedRegex(@"[ \t]*\n[ \t\n]*")]
    private static partial Regex Lines();
}
