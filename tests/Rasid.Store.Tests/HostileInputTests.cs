using System.Text;
using Rasid.Core;
using Rasid.Core.Input;
using Rasid.Extraction;
using Rasid.Store.Ingest;
using Rasid.Store.Sqlite;

namespace Rasid.Store.Tests;

/// <summary>
/// Inputs the web really sends, generated here (nothing large is committed): each gives a clear coded error naming the
/// input, or correct output; the batch goes on; nothing stored is lost.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private const string Arabic = "أعلنت مصادر محلية في مدينة الرقة أن طيران التحالف الدولي شن غارات جوية على مواقع لتنظيم داعش، ما أسفر عن مقتل خمسة عناصر.";
    private readonly TempDb _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Write(string name, byte[] bytes)
    {
        var p = Path.Combine(_dir.Folder, name);
        File.WriteAllBytes(p, bytes);
        return p;
    }

    [Theory]
    [InlineData("windows-1256")]
    [InlineData("iso-8859-6")]
    public void Legacy_arabic_code_pages_are_detected_and_decoded(string encoding)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = "قصف على الرقة ودير الزور وحلب وإدلب، وقتل خمسة مدنيين في اشتباكات عنيفة";
        var bytes = Encoding.GetEncoding(encoding).GetBytes(text);
        var decoded = TextDecoder.Decode(bytes, "page.txt");
        Assert.Equal(text, decoded.Text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16_with_a_byte_order_mark_is_decoded(bool bigEndian)
    {
        var enc = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var bytes = enc.GetPreamble().Concat(enc.GetBytes(Arabic)).ToArray();
        Assert.Equal(Arabic, TextDecoder.Decode(bytes, "u16.txt").Text);
    }

    [Fact]
    public void Utf8_with_a_byte_order_mark_is_decoded_without_it()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Arabic)).ToArray();
        Assert.Equal(Arabic, TextDecoder.Decode(bytes, "bom.txt").Text);
    }

    [Theory]
    [InlineData(new byte[] { 0xD8, 0xA7, 0xFF, 0xFE, 0x41 }, "E105")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00 }, "E104")]
    [InlineData(new byte[] { }, "E102")]
    [InlineData(new byte[] { 0x20, 0x0A, 0x09, 0x20 }, "E102")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x41 }, "E106")]
    public void Undecodable_input_is_refused_with_a_coded_error_naming_it(byte[] bytes, string code)
    {
        var ex = Assert.Throws<RasidException>(() => TextDecoder.Decode(bytes, "bad-input.txt"));
        Assert.Equal(code, ex.Code);
        Assert.Equal("bad-input.txt", ex.Input);
    }

    [Fact]
    public void Html_pages_become_their_text_and_legacy_charsets_declared_in_meta_are_honoured()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var html = "<!DOCTYPE html><html><head><meta charset=\"windows-1256\"><title>غارات على الرقة</title><script>var x = '<p>لا</p>';</script></head>" +
                   "<body><nav>القائمة</nav><p>قتل خمسة&nbsp;مدنيين</p><div>في <b>قصف</b> على المدينة</div></body></html>";
        var p = Write("page.html", Encoding.GetEncoding(1256).GetBytes(html));
        var doc = Assert.IsType<SourceDocument>(Assert.Single(DocumentSources.Read(p, new SourceDefaults(new DateOnly(2017, 5, 2), "SY", null)))).Document;
        Assert.Equal("غارات على الرقة\n\nقتل خمسة مدنيين\nفي قصف على المدينة", doc.Text.Replace('\u00A0', ' '));
    }

    [Fact]
    public void Deeply_nested_html_does_not_overflow_the_stack()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 100_000; i++)
        {
            sb.Append("<div>");
        }

        sb.Append("قصف على حلب");
        var text = HtmlText.ToText(sb.ToString());
        Assert.Contains("قصف على حلب", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_50_MB_single_line_is_refused_by_the_size_limit_and_the_rest_of_the_batch_is_stored()
    {
        var big = Write("big.txt", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("قصف على حلب ", 50 * 1024 * 1024 / 21))));
        var good = Write("good.txt", Encoding.UTF8.GetBytes(Arabic));
        using var store = SqliteEventStore.Open(Path.Combine(_dir.Folder, "r.db"));
        var summary = new Ingestor(store, new ArabicEventExtractor()).Run(
            new[] { big, good }.SelectMany(p => DocumentSources.Read(p, new SourceDefaults(new DateOnly(2017, 5, 2), "SY", null))));
        var rejected = Assert.Single(summary.Rejected);
        Assert.Equal("E130", rejected.Code);
        Assert.Equal(big, rejected.Input);
        Assert.Equal(1, summary.Stored);
    }

    [Fact]
    public void A_document_that_exceeds_the_time_budget_is_recorded_as_failed_and_the_batch_goes_on()
    {
        using var store = SqliteEventStore.Open(Path.Combine(_dir.Folder, "r.db"));
        var items = new SourceItem[]
        {
            new SourceDocument("slow", new Document("slow", "SLOW", new DateOnly(2017, 5, 2))),
            new SourceDocument("fast", new Document("fast", "EV|Armed clash|2017-04-26|34.45|40.92|Islamic State|1", new DateOnly(2017, 5, 2))),
        };
        var summary = new Ingestor(store, new SlowExtractor(), new IngestOptions { DocumentTimeBudget = TimeSpan.FromMilliseconds(300) }).Run(items);
        Assert.Equal(2, summary.Stored);
        Assert.Equal(1, summary.Failed);
        Assert.Contains("E131", Assert.Single(summary.FailedDocuments), StringComparison.Ordinal);
        Assert.Equal("failed", store.GetDocument("slow")!.Status);
        Assert.Equal(1, store.Stats().Events);
    }

    [Theory]
    [InlineData("قتل 99999999999999999999 قتيلاً في قصف على حلب يوم الأحد")]
    [InlineData("قتل 2147483648 شخصاً في قصف على حلب")]
    [InlineData("في 32 شباط 2017 قصفت الطائرات مدينة حلب وقتل خمسة مدنيين")]
    [InlineData("في 1 رمضان 9999 هـ قصفت الطائرات مدينة حلب")]
    [InlineData("في 31/02/2017 قصفت الطائرات مدينة حلب")]
    [InlineData("\u202Eقصف\u200D على \uFEFBحلب\u200C ‎ کرکوک ی ە")]
    public void Absurd_numbers_impossible_dates_and_odd_characters_never_crash_extraction(string text)
    {
        var events = new ArabicEventExtractor().Extract(new Document("x", text, new DateOnly(2017, 5, 2)));
        foreach (var e in events)
        {
            Assert.InRange(e.Fatalities, 0, 1_000_000);
            Assert.All(e.Evidence, ev => Assert.Equal(ev.Text, text.Substring(ev.Start, ev.End - ev.Start)));
        }
    }

    [Fact]
    public void Many_tiny_documents_are_ingested_without_loss()
    {
        // A million in the documented soak run (RASID_TINY_DOCS=1000000); 20,000 here to keep CI short.
        int n = int.TryParse(Environment.GetEnvironmentVariable("RASID_TINY_DOCS"), out var v) ? v : 20_000;
        var dump = Path.Combine(_dir.Folder, "tiny.jsonl");
        using (var w = new StreamWriter(dump, false, new UTF8Encoding(false)))
        {
            for (int i = 0; i < n; i++)
            {
                w.Write("{\"id\":\"t");
                w.Write(i);
                w.Write("\",\"published\":\"2015-07-21\",\"text\":\"خبر ");
                w.Write(i);
                w.WriteLine("\"}");
            }
        }

        using var store = SqliteEventStore.Open(Path.Combine(_dir.Folder, "tiny.db"));
        var summary = new Ingestor(store, new ArabicEventExtractor(), new IngestOptions { BatchSize = 1000 })
            .Run(DocumentSources.Read(dump, new SourceDefaults(null, null, null)));
        Assert.Equal(n, summary.Stored);
        Assert.Empty(summary.Rejected);
        Assert.Equal(n, store.Stats().Documents);
    }

    private sealed class SlowExtractor : IEventExtractor
    {
        public IReadOnlyList<ConflictEvent> Extract(Document document)
        {
            if (document.Text == "SLOW")
            {
                Thread.Sleep(3000);
            }

            return new LineEventExtractor().Extract(document);
        }
    }
}
