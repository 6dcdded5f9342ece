using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Rasid.Core;
using Rasid.Core.Input;
using Rasid.Store.Ingest;
using Xunit.Abstractions;

namespace Rasid.Fuzz.Tests;

/// <summary>
/// The readers of untrusted input under mutated files: the decoder, JSONL records and dumps (plain and gzip), RSS/Atom
/// feeds and HTML pages. None may throw; every refusal is a coded error naming the input.
/// </summary>
public sealed partial class ReaderFuzz(ITestOutputHelper output) : IDisposable
{
    private static readonly SourceDefaults Defaults = new(new DateOnly(2015, 7, 21), "SY", null);

    private readonly string _folder = Directory.CreateTempSubdirectory("rasid-fuzz-").FullName;

    private int _files;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [GeneratedRegex(@"^E\d{3}$")]
    private static partial Regex Code();

    private static void AssertCoded(SourceItem item, string input, string what)
    {
        Assert.StartsWith(input, item.Input, StringComparison.Ordinal);
        if (item is SourceRejection r)
        {
            Assert.True(Code().IsMatch(r.Code), $"rejection '{r}' has no E-code; {what}");
            Assert.False(string.IsNullOrWhiteSpace(r.Reason), $"rejection '{r}' gives no reason; {what}");
        }
        else
        {
            var d = Assert.IsType<SourceDocument>(item).Document;
            Assert.False(string.IsNullOrWhiteSpace(d.Text), $"document {d.Id} from {item.Input} has no text; {what}");
        }
    }

    private static string ShowBytes(byte[] b) => Inputs.Show(Encoding.UTF8.GetString(b));

    private static readonly Lazy<Encoding> Windows1256 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1256);
    });

    // ---------------------------------------------------------------- decoder

    private static readonly Gen<byte[]> EncodedTexts = Inputs.Text.SelectMany(t => Gen.Choose(0, 5).Select(e => e switch
    {
        0 => Encoding.UTF8.GetBytes(t),
        1 => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(t)],
        2 => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(t)],
        3 => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(t)],
        4 => Windows1256.Value.GetBytes(t),
        _ => Encoding.Latin1.GetBytes(t),
    }));

    private static readonly string?[] Charsets = [null, "utf-8", "windows-1256", "cp1256", "iso-8859-6", "arabic", "bogus", "", "utf-7", "UTF-16", " Windows-1256 "];

    [Fact]
    public void Decoder_gives_text_or_a_coded_error_naming_the_input() =>
        FuzzRun.Run(output, "decoder",
            Arb.From(Inputs.MutatedBytes(EncodedTexts, ["\uFEFF", "\0", "\r\n", "\u00FF\u00FE"]).Generator.SelectMany(b => Gen.Elements(Charsets).Select(c => (b, c))),
                p => Inputs.ShrinkBytes(p.b).Select(b => (b, p.c))),
            p =>
            {
                try
                {
                    var decoded = TextDecoder.Decode(p.b, "fuzz.txt", p.c);
                    Assert.False(string.IsNullOrWhiteSpace(decoded.Text));
                }
                catch (RasidException ex)
                {
                    Assert.True(Code().IsMatch(ex.Code) && ex.Input == "fuzz.txt", $"{ex.Message} for {ShowBytes(p.b)}");
                }
            });

    // ---------------------------------------------------------------- JSONL

    private static readonly string[] JsonTokens =
    [
        "\"", "{", "}", "[", "]", ":", ",", "\\", "\\u", "\\ud800", "\\u0000", "null", "true", "1e999", "-0", "\n", "\r\n", "\t",
        "\"published\":\"2015-13-45\"", "\"published\":\"9999-12-31T23:59:59+14:00\"", "\"published\":99999999999", "\"published\":\"\"",
        "\"text\":\"\"", "\"text\":\" \"", "\"text\":null", "\"text\":[1]", "\"id\":1", "\"id\":\"\"", "\"country_hint\":\"XX\"",
        "{\"text\":\"قصف\"}", "{}", "[]", "\"\"", "\uFEFF", "\u2028",
    ];

    private static readonly Gen<string> JsonlLine = Corpus.JsonlLines.Length > 0
        ? Gen.Frequency((3, Gen.Elements(Corpus.JsonlLines)), (1, Synthetic()))
        : Synthetic();

    private static Gen<string> Synthetic() =>
        Inputs.ArabicHeavy.SelectMany(text => Gen.Elements("2015-07-21", "2015-07-21T08:00:00Z", "21/07/2015", "", "9999-12-31", "0001-01-01").Select(date =>
            JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = "x", ["published"] = date, ["text"] = text })));

    [Fact]
    public void Jsonl_record_is_a_document_or_a_coded_rejection_naming_its_line() =>
        FuzzRun.Run(output, "jsonl-record",
            Inputs.MutatedBytes(JsonlLine.Select(Encoding.UTF8.GetBytes), JsonTokens),
            bytes =>
            {
                var line = Encoding.UTF8.GetString(bytes);
                var item = DocumentSources.ParseJsonlRecord("dump.jsonl:7", line, Defaults);
                AssertCoded(item, "dump.jsonl:7", ShowBytes(bytes));
            }, roundSize: 50);

    private static readonly Gen<byte[]> Dumps = JsonlLine.ListOf().Select(lines => Encoding.UTF8.GetBytes(string.Join('\n', lines.Take(8))));

    [Fact]
    public void Jsonl_dump_plain_or_gzip_reads_to_the_end_without_throwing_and_every_refusal_is_coded() =>
        FuzzRun.Run(output, "jsonl-dump",
            Arb.From(Inputs.MutatedBytes(Dumps, JsonTokens).Generator.SelectMany(b => Gen.Choose(0, 2).SelectMany(gz => Gen.Choose(0, int.MaxValue).Select(cut => (b, gz, cut)))),
                p => Inputs.ShrinkBytes(p.b).Select(b => (b, p.gz, p.cut))),
            p =>
            {
                string path;
                if (p.gz == 0)
                {
                    path = WriteFile(".jsonl", p.b);
                }
                else
                {
                    using var packed = new MemoryStream();
                    using (var gz = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
                    {
                        gz.Write(p.b);
                    }

                    var compressed = packed.ToArray();
                    if (p.gz == 2 && compressed.Length > 0)
                    {
                        // damaged in transit: cut, or one byte flipped
                        compressed = p.cut % 2 == 0 ? compressed[..(p.cut % compressed.Length)] : FlipOne(compressed, p.cut);
                    }

                    path = WriteFile(".jsonl.gz", compressed);
                }

                foreach (var item in DocumentSources.Read(path, Defaults))
                {
                    AssertCoded(item, path, ShowBytes(p.b));
                }
            }, roundSize: 25);

    private static byte[] FlipOne(byte[] b, int at)
    {
        var copy = (byte[])b.Clone();
        copy[at % copy.Length] ^= (byte)(1 << (at % 8));
        return copy;
    }

    private string WriteFile(string extension, byte[] bytes)
    {
        var path = Path.Combine(_folder, $"input-{_files++ % 8}{extension}");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    // ---------------------------------------------------------------- RSS / Atom

    private static readonly string[] FeedTokens =
    [
        "<", ">", "/>", "</item>", "<item>", "</entry>", "<entry>", "<![CDATA[", "]]>", "&amp;", "&lt;", "&#x0;", "&#1234567;", "&#xD800;", "&unknown;",
        "<!DOCTYPE rss [<!ENTITY x \"y\">]>", "<!DOCTYPE feed SYSTEM \"http://example.org/x.dtd\">", "<!ENTITY e SYSTEM \"file:///etc/passwd\">", "&e;",
        "<pubDate>not a date</pubDate>", "<pubDate>Tue, 32 Feb 2015 99:00:00 GMT</pubDate>", "<updated>2015-99-99T00:00:00Z</updated>",
        "<published>0000-00-00</published>", "<link>::not a uri</link>", "<link href=\"http://[::1\"/>", "<guid>", "</guid>", "<title>", "</title>",
        "<description>", "</description>", "<content type=\"xhtml\">", "<content type=\"html\">", "<content src=\"http://x\"/>", "</content>",
        "<summary type=\"bogus\">", "xmlns=\"http://www.w3.org/2005/Atom\"", "xmlns:a=\"\"", "<?xml version=\"1.0\" encoding=\"windows-1256\"?>",
        "<?xml version=\"1.0\" encoding=\"utf-16\"?>", "<?xml version=\"2.0\"?>", "<?pi x?>", "<!-- -->", "<rss version=\"0.91\">", "<channel>", "</channel>",
        "<category>", "<author>", "<enclosure url=\"x\" length=\"-1\"/>", "<ttl>-5</ttl>", "<skipHours><hour>99</hour></skipHours>", "<lastBuildDate>x</lastBuildDate>",
        "<source url=\"\">", "<image><url>x</url></image>", "<cloud/>", "<textInput/>", "<rating/>", "<docs/>", "<language/>",
    ];

    private static string Xml(string s) => WebUtility.HtmlEncode(s);

    private static Gen<string> Article => Corpus.Texts.Length > 0 ? Gen.Elements(Corpus.Texts).Select(t => t.Length > 1500 ? t[..1500] : t) : Inputs.ArabicHeavy;

    private static readonly Gen<byte[]> Feeds =
        Article.ListOf().SelectMany(items => Gen.Choose(0, 1).Select(atom =>
        {
            var list = items.Take(4).ToList();
            var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
            if (atom == 1)
            {
                sb.Append("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>أخبار</title><id>urn:x</id><updated>2015-07-21T08:00:00Z</updated>");
                for (int i = 0; i < list.Count; i++)
                {
                    sb.Append($"<entry><title>{Xml(list[i][..Math.Min(60, list[i].Length)])}</title><id>urn:{i}</id><link href=\"https://example.org/{i}\"/>")
                      .Append($"<updated>2015-07-2{i % 9}T08:00:00Z</updated><content type=\"html\">{Xml("<p>" + list[i] + "</p>")}</content></entry>");
                }

                sb.Append("</feed>");
            }
            else
            {
                sb.Append("<rss version=\"2.0\"><channel><title>أخبار</title><link>https://example.org</link><description>d</description>");
                for (int i = 0; i < list.Count; i++)
                {
                    sb.Append($"<item><title>{Xml(list[i][..Math.Min(60, list[i].Length)])}</title><link>https://example.org/{i}</link><guid>g{i}</guid>")
                      .Append($"<pubDate>Tue, 2{i % 9} Jul 2015 08:00:00 GMT</pubDate><description>{Xml("<p>" + list[i] + "</p>")}</description></item>");
                }

                sb.Append("</channel></rss>");
            }

            return Encoding.UTF8.GetBytes(sb.ToString());
        }));

    [Fact]
    public void Feed_never_throws_and_every_refusal_is_coded_and_names_the_feed() =>
        FuzzRun.Run(output, "rss-atom", Inputs.MutatedBytes(Feeds, FeedTokens), bytes =>
        {
            using var stream = new MemoryStream(bytes);
            var items = FeedReader.Parse("feed.xml", stream, Defaults);
            foreach (var item in items)
            {
                AssertCoded(item, "feed.xml", ShowBytes(bytes));
            }
        }, roundSize: 40);

    // ---------------------------------------------------------------- HTML

    private static readonly string[] HtmlTokens =
    [
        "<div>", "</div>", "<p>", "</p>", "<br>", "<br/>", "<script>", "</script>", "<style>", "</style>", "<!--", "-->", "<![CDATA[", "]]>", "&nbsp;",
        "&#x627;", "&#99999999;", "&#0;", "&amp", "<table><tr><td>", "</td></tr></table>", "<meta charset=\"windows-1256\">", "<meta charset=\"bogus-charset\">",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-6\">", "<svg><foreignObject><p>", "<template>", "<math><mi>", "<plaintext>",
        "<textarea>", "<select><option>", "<frameset>", "<noscript>", "<title>", "</title>", "<body>", "</body>", "<html>", "<head>", "<a href=\"x\">", "</a>",
        "<b><i></b></i>", "<", ">", "</", "<!DOCTYPE html>", "<?xml?>", "<img src=x onerror=alert(1)>", "\0", "\uFEFF",
        "<div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div>",
    ];

    private static readonly Gen<byte[]> Pages = Article.SelectMany(text => Gen.Choose(0, 3).Select(kind =>
    {
        var body = string.Join("", text.Split('\n').Select(p => "<p>" + WebUtility.HtmlEncode(p) + "</p>"));
        var html = kind switch
        {
            0 => $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>عنوان</title><script>var x = '<p>';</script></head><body><nav>قائمة</nav><article>{body}</article><footer>f</footer></body></html>",
            1 => $"<html><body><table><tr><td>{body}</td></tr></table></body></html>",
            2 => string.Concat(Enumerable.Repeat("<div>", 40)) + body + string.Concat(Enumerable.Repeat("</div>", 40)),
            _ => body,
        };
        return kind == 3 ? Windows1256.Value.GetBytes("<meta charset=\"windows-1256\">" + html) : Encoding.UTF8.GetBytes(html);
    }));

    [Fact]
    public void Html_page_becomes_text_or_a_coded_refusal_and_never_throws() =>
        FuzzRun.Run(output, "html", Inputs.MutatedBytes(Pages, HtmlTokens), bytes =>
        {
            var text = HtmlText.ToText(Encoding.UTF8.GetString(bytes));
            Assert.NotNull(text);
            var path = WriteFile(".html", bytes);
            foreach (var item in DocumentSources.Read(path, Defaults))
            {
                AssertCoded(item, path, ShowBytes(bytes));
            }
        }, roundSize: 30);
}
