using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rasid.Arabic.Dates;
using Rasid.Arabic.Text;

namespace Rasid.Arabic.Tests;

/// <summary>Renders dates in every month system (and Hijri by Umm al-Qura) and checks DateFinder reads them back.</summary>
public class DateRoundTripTests
{
    private static readonly string[] Gregorian = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];
    private static readonly string[] Levantine = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"];
    private static readonly string[] Maghrebi = ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];
    private static readonly string[] Hijri = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"];
    private static readonly UmAlQuraCalendar UmAlQura = new();

    public static string Render(DateOnly d, int style, bool withYear)
    {
        string y = withYear ? " " + d.Year.ToString(CultureInfo.InvariantCulture) : "";
        int m = d.Month - 1;
        switch (style)
        {
            case 0: return $"{d.Day} {Gregorian[m]}{y}";
            case 1: return $"{d.Day} {Levantine[m]}{y}";
            case 2: return $"{d.Day} {Maghrebi[m]}{y}";
            case 3: return $"{d.Day} {Levantine[m]}/{Gregorian[m]}{y}";
            case 4: return $"{d.Day} {Gregorian[m]} ({Levantine[m]}){y}";
            case 5: return $"{d.Day} {Levantine[m]}\\ {Gregorian[m]}{y}";
            case 6: return d.ToString("d/M/yyyy", CultureInfo.InvariantCulture);
            case 7: return d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            default:
                var dt = d.ToDateTime(TimeOnly.MinValue);
                int hy = UmAlQura.GetYear(dt), hm = UmAlQura.GetMonth(dt), hd = UmAlQura.GetDayOfMonth(dt);
                return withYear ? $"{hd} {Hijri[hm - 1]} {hy} هـ" : $"{hd} {Hijri[hm - 1]}";
        }
    }

    private static Arbitrary<(DateOnly Date, int Style, bool WithYear, int DaysToPublication)> Dates() =>
        (from offset in Gen.Choose(0, 365 * 40)
         from style in Gen.Choose(0, 8)
         from withYear in ArbMap.Default.GeneratorFor<bool>()
         from later in Gen.Choose(0, 300)
         select (new DateOnly(1995, 1, 1).AddDays(offset), style, withYear || style is 6 or 7, later)).ToArbitrary();

    [Property(MaxTest = 800, Replay = "(20170502,7)")]
    public Property A_rendered_date_reads_back_to_the_same_day() =>
        Prop.ForAll(Dates(), x =>
        {
            var expr = Render(x.Date, x.Style, x.WithYear);
            var text = "وقع الهجوم في " + expr + " على الطريق";
            var pub = x.Date.AddDays(x.DaysToPublication);
            var found = DateFinder.Find(TextAnalyzer.Analyze(text), pub);
            return (found.Count == 1 && found[0].Start == x.Date && found[0].End == x.Date && found[0].Span.Slice(text) == expr)
                .Label($"'{expr}' pub {pub:yyyy-MM-dd} → {string.Join(", ", found.Select(m => $"{m.Start:yyyy-MM-dd}..{m.End:yyyy-MM-dd} '{m.Span.Slice(text)}'"))}");
        });

    [Property(MaxTest = 300, Replay = "(20170502,9)")]
    public Property Arbitrary_text_never_throws_and_spans_stay_in_the_text() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), Gen.Choose(0, 365 * 40).ToArbitrary(), (s, offset) =>
        {
            var text = "في 5 " + (s ?? "") + " أمس الأحد 3/4/2015 منذ " + (s ?? "");
            var analysis = TextAnalyzer.Analyze(text);
            var pub = new DateOnly(1995, 1, 1).AddDays(offset);
            var dates = DateFinder.Find(analysis, pub);
            var numbers = Rasid.Arabic.Numbers.NumberFinder.Find(analysis);
            return dates.All(d => d.Span.End <= text.Length && d.Start <= d.End)
                && numbers.All(n => n.Span.End <= text.Length && n.Value >= 0);
        });
}
