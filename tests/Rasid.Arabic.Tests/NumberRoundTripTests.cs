using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rasid.Arabic.Numbers;
using Rasid.Arabic.Text;

namespace Rasid.Arabic.Tests;

/// <summary>Renders numbers as Arabic words in several gender/case/spelling forms and checks NumberFinder reads them back.</summary>
public class NumberRoundTripTests
{
    private static readonly string[] UnitsMasc = ["", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة"];
    private static readonly string[] UnitsFem = ["", "واحدة", "اثنتان", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع"];
    private static readonly string[] TensNom = ["", "عشرة", "عشرون", "ثلاثون", "أربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون"];
    private static readonly string[] HundredStems = ["", "", "", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثمان", "تسع"];

    /// <summary>The form a number is written in.</summary>
    public readonly record struct Form(bool FeminineNoun, bool Accusative, bool MaaSpelling, bool SeparateHundreds);

    public static string Render(long n, Form f)
    {
        if (n >= 1000)
        {
            long thousands = n / 1000, rest = n % 1000;
            string head = thousands switch
            {
                1 => "ألف",
                2 => f.Accusative ? "ألفين" : "ألفان",
                _ when thousands % 100 is >= 3 and <= 10 => Below1000(thousands, f with { FeminineNoun = false }) + " آلاف",
                _ when thousands % 100 is >= 11 and <= 99 && f.Accusative => Below1000(thousands, f with { FeminineNoun = false }) + " ألفا",
                _ => Below1000(thousands, f with { FeminineNoun = false }) + " ألف",
            };
            return rest == 0 ? head : head + " و" + Below1000(rest, f);
        }

        return Below1000(n, f);
    }

    private static string Below1000(long n, Form f)
    {
        long h = n / 100, r = n % 100;
        string hundreds = h switch
        {
            0 => "",
            1 => f.MaaSpelling ? "مائة" : "مئة",
            2 => (f.MaaSpelling ? "مائت" : "مئت") + (f.Accusative ? "ين" : "ان"),
            _ => HundredStems[h] + (f.SeparateHundreds ? " " : "") + (f.MaaSpelling ? "مائة" : "مئة"),
        };
        string rest = Below100(r, f);
        return hundreds.Length == 0 ? rest : rest.Length == 0 ? hundreds : hundreds + " و" + rest;
    }

    private static string Below100(long n, Form f)
    {
        if (n == 0)
        {
            return "";
        }

        long t = n / 10, u = n % 10;
        string Tens(long k) => f.Accusative ? TensNom[k][..^2] + "ين" : TensNom[k];
        string Unit(long k) => k switch
        {
            1 => f.FeminineNoun ? "واحدة" : "واحد",
            2 => f.FeminineNoun ? (f.Accusative ? "اثنتين" : "اثنتان") : (f.Accusative ? "اثنين" : "اثنان"),
            // Polarity: 3–9 take ة with a masculine noun.
            _ => f.FeminineNoun ? UnitsFem[k] : UnitsMasc[k],
        };
        if (t == 0)
        {
            return Unit(u);
        }

        if (t == 1)
        {
            string ten = f.FeminineNoun ? "عشرة" : "عشر";
            return u switch
            {
                0 => f.FeminineNoun ? "عشر" : "عشرة",
                1 => f.FeminineNoun ? "إحدى عشرة" : "أحد عشر",
                2 => (f.FeminineNoun ? (f.Accusative ? "اثنتي" : "اثنتا") : (f.Accusative ? "اثني" : "اثنا")) + " " + ten,
                _ => Unit(u) + " " + ten,
            };
        }

        return u == 0 ? Tens(t) : Unit(u) + " و" + Tens(t);
    }

    private static Arbitrary<(long N, Form F)> Numbers() =>
        (from n in Gen.Choose(1, 999_999)
         from fem in ArbMap.Default.GeneratorFor<bool>()
         from acc in ArbMap.Default.GeneratorFor<bool>()
         from maa in ArbMap.Default.GeneratorFor<bool>()
         from sep in ArbMap.Default.GeneratorFor<bool>()
         select ((long)n, new Form(fem, acc, maa, sep))).ToArbitrary();

    [Property(MaxTest = 500, Replay = "(20170502,1)")]
    public Property Number_words_in_any_form_read_back_to_their_value() =>
        Prop.ForAll(Numbers(), x =>
        {
            var words = Render(x.N, x.F);
            var text = "قتل " + words + " شخصا";
            var found = NumberFinder.Find(TextAnalyzer.Analyze(text));
            return (found.Count == 1 && found[0].Value == x.N && found[0].Span.Slice(text) == words)
                .Label($"{x.N} {x.F} '{words}' → {string.Join(", ", found.Select(m => $"{m.Value} '{m.Span.Slice(text)}'"))}");
        });

    [Property(MaxTest = 300, Replay = "(20170502,3)")]
    public Property Digits_with_and_without_separators_read_back() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), n =>
        {
            var plain = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var grouped = n.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture);
            var a = NumberFinder.Find(TextAnalyzer.Analyze("قتل " + plain + " شخصا"));
            var b = NumberFinder.Find(TextAnalyzer.Analyze("قتل " + grouped + " شخصا"));
            return a.Count == 1 && a[0].Value == n && b.Count == 1 && b[0].Value == n;
        });

    [Theory]
    [InlineData(103000, "مئة وثلاثة آلاف")]
    [InlineData(11000, "أحد عشر ألفا")]
    [InlineData(999999, "تسعمئة وتسعة وتسعون ألف وتسعمئة وتسعة وتسعون")]
    public void Renderer_writes_what_news_writes(long n, string expected)
    {
        var f = new Form(false, n == 11000, false, false);
        Assert.Equal(expected, Render(n, f));
    }
}
