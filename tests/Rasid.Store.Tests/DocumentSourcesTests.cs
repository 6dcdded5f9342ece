using System.IO.Compression;
using System.Text;
using Rasid.Store.Ingest;

namespace Rasid.Store.Tests;

public class DocumentSourcesTests : IDisposable
{
    private readonly TempDb _dir = new();
    private static readonly SourceDefaults NoDefaults = new(null, null, null);

    public void Dispose() => _dir.Dispose();

    private string Write(string name, string content)
    {
        var p = Path.Combine(_dir.Folder, name);
        File.WriteAllText(p, content, new UTF8Encoding(false));
        return p;
    }

    [Fact]
    public void A_stream_over_the_limit_is_rejected_naming_it_and_nothing_is_decoded()
    {
        using var stream = new MemoryStream(new byte[200_000]);
        var item = DocumentSources.ReadStream("stdin", stream, NoDefaults, maxBytes: 100_000);
        var r = Assert.IsType<SourceRejection>(item);
        Assert.Equal(("stdin", "E103"), (r.Input, r.Code));
    }

    [Theory]
    [InlineData(new byte[] { 0x71, 0x00, 0x72 }, "E104")]
    [InlineData(new byte[0], "E102")]
    public void A_stream_is_refused_exactly_as_a_text_file_is(byte[] bytes, string code)
    {
        using var stream = new MemoryStream(bytes);
        var r = Assert.IsType<SourceRejection>(DocumentSources.ReadStream("stdin", stream, NoDefaults));
        Assert.Equal(code, r.Code);
    }

    [Fact]
    public void A_stream_of_windows_1256_text_is_decoded_and_takes_the_defaults()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string Text = "قصف على عدن ولحج وتعز، وقتل خمسة مدنيين في اشتباكات عنيفة";
        using var stream = new MemoryStream(Encoding.GetEncoding(1256).GetBytes(Text));
        var d = Assert.IsType<SourceDocument>(DocumentSources.ReadStream("stdin", stream, new SourceDefaults(new DateOnly(2015, 7, 21), "YE", null)));
        Assert.Equal((Text, "YE", new DateOnly(2015, 7, 21)), (d.Document.Text, d.Document.CountryHint, d.Document.Published));
    }

    [Fact]
    public void A_broken_jsonl_line_is_rejected_with_its_line_number_and_the_rest_is_read()
    {
        var p = Write("dump.jsonl",
            """
            {"id":"a","published":"2015-07-21","country_hint":"YE","text":"قصف على عدن"}
            {"id":"b","published":"2015-07-21","text":
            {"id":"c","published":"2015-07-22","text":"غارات على صنعاء"}
            {"id":"d","text":"لا تاريخ"}
            ["not an object"]
            """);
        var items = DocumentSources.Read(p, NoDefaults).ToList();
        Assert.Equal(["a", "c"], items.OfType<SourceDocument>().Select(d => d.Document.Id));
        var rejected = items.OfType<SourceRejection>().ToList();
        Assert.Equal(3, rejected.Count);
        Assert.Contains(rejected, r => r.Input.EndsWith(":2", StringComparison.Ordinal) && r.Code == "E110");
        Assert.Contains(rejected, r => r.Input.EndsWith(":4", StringComparison.Ordinal) && r.Code == "E114");
        Assert.Contains(rejected, r => r.Code == "E111");
        Assert.Equal("YE", items.OfType<SourceDocument>().First().Document.CountryHint);
    }

    [Fact]
    public void A_truncated_gzip_dump_yields_what_it_could_read_and_one_clear_rejection()
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (int i = 0; i < 2000; i++)
            {
                var line = $"{{\"id\":\"d{i}\",\"published\":\"2015-07-21\",\"text\":\"نص رقم {i} {new string('ك', i % 50)}\"}}\n";
                gz.Write(Encoding.UTF8.GetBytes(line));
            }
        }

        var bytes = ms.ToArray();
        var p = Path.Combine(_dir.Folder, "dump.jsonl.gz");
        File.WriteAllBytes(p, bytes.AsSpan(0, bytes.Length / 2).ToArray());
        var items = DocumentSources.Read(p, NoDefaults).ToList();
        Assert.True(items.OfType<SourceDocument>().Count() > 100);
        var rejection = Assert.Single(items.OfType<SourceRejection>());
        Assert.Equal("E108", rejection.Code);
        Assert.Contains("truncated", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_yields_text_files_and_rejects_bad_ones_by_name()
    {
        Write("a.txt", "قصف على حلب");
        Write("b.txt", "");
        File.WriteAllBytes(Path.Combine(_dir.Folder, "c.txt"), [0xD8, 0xA7, 0xFF, 0xFE, 0x41]);
        File.WriteAllBytes(Path.Combine(_dir.Folder, "d.txt"), [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]);
        Write("notes.md", "ignored");
        var items = DocumentSources.Read(_dir.Folder, new SourceDefaults(new DateOnly(2017, 5, 2), "SY", null)).ToList();
        var doc = Assert.Single(items.OfType<SourceDocument>());
        Assert.Equal("a", doc.Document.Id);
        Assert.Equal(new DateOnly(2017, 5, 2), doc.Document.Published);
        Assert.Equal(["E102", "E104", "E105"], items.OfType<SourceRejection>().Select(r => r.Code).Order());
    }

    [Fact]
    public void Rss_items_become_documents_with_title_text_date_and_link()
    {
        var p = Write("feed.rss",
            """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>مصدر</title><link>http://example.org/</link><description>d</description>
            <item><title>غارات على الرقة</title><link>http://example.org/1</link><guid>n1</guid>
              <pubDate>Tue, 21 Jul 2015 10:00:00 GMT</pubDate><description>&lt;p&gt;قتل خمسة &lt;b&gt;مدنيين&lt;/b&gt;&lt;/p&gt;</description></item>
            <item><title>بلا تاريخ</title><guid>n2</guid><description>نص</description></item>
            </channel></rss>
            """);
        var items = DocumentSources.Read(p, NoDefaults).ToList();
        var doc = Assert.Single(items.OfType<SourceDocument>()).Document;
        Assert.Equal("n1", doc.Id);
        Assert.Equal(new DateOnly(2015, 7, 21), doc.Published);
        Assert.Equal("غارات على الرقة\n\nقتل خمسة مدنيين", doc.Text);
        Assert.Equal("http://example.org/1", doc.Url);
        Assert.Equal("E114", Assert.Single(items.OfType<SourceRejection>()).Code);
    }

    [Fact]
    public void Atom_entries_are_read()
    {
        var p = Write("feed.atom",
            """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:f</id><updated>2015-07-22T00:00:00Z</updated>
            <entry><title>اشتباكات في تعز</title><id>urn:e1</id><updated>2015-07-22T08:00:00Z</updated><summary>قتلى وجرحى</summary></entry>
            </feed>
            """);
        var doc = Assert.Single(DocumentSources.Read(p, NoDefaults).OfType<SourceDocument>()).Document;
        Assert.Equal("urn:e1", doc.Id);
        Assert.Equal("اشتباكات في تعز\n\nقتلى وجرحى", doc.Text);
    }

    [Theory]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&xxe;</title></channel></rss>""")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><rss version="2.0"><channel><title>&lol3;</title></channel></rss>""")]
    public void Feeds_with_a_dtd_are_refused_so_external_entities_and_entity_expansion_never_run(string xml)
    {
        var p = Write("evil.xml", xml);
        var rejection = Assert.Single(DocumentSources.Read(p, NoDefaults));
        var r = Assert.IsType<SourceRejection>(rejection);
        Assert.Equal("E123", r.Code);
    }

    // Found by the fuzzer (tests/Rasid.Fuzz.Tests): each of these escaped as an exception and stopped the batch.
    [Theory]
    [InlineData("""{"id":"a","published":"2015-07-21","text":"قصف \ud800 على حلب"}""", "E110")]
    [InlineData("""{"id":"a","published":"2015-07-21","text":"قصف \udf30"}""", "E110")]
    [InlineData("""{"id":"a","published":"0001-01-01","text":"قصف"}""", "E113")]
    [InlineData("""{"id":"a","published":"9999-12-31","text":"قصف"}""", "E113")]
    public void A_jsonl_record_with_an_unpaired_surrogate_escape_or_an_impossible_publication_date_is_a_coded_rejection(string line, string code)
    {
        var r = Assert.IsType<SourceRejection>(DocumentSources.ParseJsonlRecord("dump.jsonl:3", line, NoDefaults));
        Assert.Equal(("dump.jsonl:3", code), (r.Input, r.Code));
    }

    [Theory]
    [InlineData("""<?xml version="1.0"?><rss><channel><title>t</title><item><title>قصف</title></item></channel></rss>""")]
    [InlineData("""<?xml version="1.0"?><rss version="9.9"><channel><title>t</title></channel></rss>""")]
    public void A_well_formed_feed_the_syndication_reader_refuses_is_one_coded_rejection_naming_it(string xml)
    {
        var p = Write("odd.rss", xml);
        var r = Assert.IsType<SourceRejection>(Assert.Single(DocumentSources.Read(p, NoDefaults)));
        Assert.Equal(("E124", p), (r.Code, r.Input));
    }

    [Fact]
    public void A_feed_item_with_an_unreadable_or_impossible_date_is_rejected_alone_and_the_other_items_are_read()
    {
        var p = Write("dates.rss",
            """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>t</title><link>http://example.org/</link><description>d</description>
            <item><title>أ</title><guid>n1</guid><pubDate>Tue, 32 Feb 2015 99:00:00 GMT</pubDate></item>
            <item><title>ب</title><guid>n2</guid><pubDate>Fri, 31 Dec 9999 00:00:00 GMT</pubDate></item>
            <item><title>ج</title><guid>n3</guid><pubDate>Tue, 21 Jul 2015 10:00:00 GMT</pubDate></item>
            </channel></rss>
            """);
        var items = DocumentSources.Read(p, new SourceDefaults(new DateOnly(2015, 7, 1), null, null)).ToList();
        Assert.Equal("n3", Assert.Single(items.OfType<SourceDocument>()).Document.Id);
        Assert.Equal([(p + "#item1", "E127"), (p + "#item2", "E127")], items.OfType<SourceRejection>().Select(r => (r.Input, r.Code)));
    }

    [Fact]
    public void A_missing_input_is_one_rejection_naming_it()
    {
        var r = Assert.IsType<SourceRejection>(Assert.Single(DocumentSources.Read("/no/such/file.txt", NoDefaults)));
        Assert.Equal("E101", r.Code);
        Assert.Equal("/no/such/file.txt", r.Input);
    }

    [Fact]
    public void Estimated_count_of_a_dump_is_its_number_of_lines()
    {
        var p = Write("dump.jsonl", "{}\n{}\n{}");
        Assert.Equal(3, DocumentSources.EstimateCount(p));
        Assert.Null(DocumentSources.EstimateCount("https://example.org/feed"));
    }
}
