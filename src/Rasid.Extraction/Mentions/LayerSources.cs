using Rasid.Arabic.Dates;
using Rasid.Arabic.Matching;
using Rasid.Arabic.Numbers;
using Rasid.Arabic.Text;
using Rasid.Geo;

namespace Rasid.Extraction.Mentions;

/// <summary>Numbers from the text layer (<see cref="NumberFinder"/>), in the shape the assembly reads.</summary>
public sealed class NumberFinderSource : INumberSource
{
    public IReadOnlyList<NumberRef> Find(AnalyzedText text) =>
        NumberFinder.Find(text).Select(n => new NumberRef(n.FirstToken, n.EndToken, n.Span, n.Value, n.High, n.Qualifier switch
        {
            NumberQualifier.Approximate => CountQualifier.Approximate,
            NumberQualifier.LowerBound => CountQualifier.LowerBound,
            NumberQualifier.UpperBound => CountQualifier.UpperBound,
            NumberQualifier.Vague => CountQualifier.Vague,
            _ => CountQualifier.Exact,
        })).ToList();
}

/// <summary>
/// Dates from the text layer (<see cref="DateFinder"/>). "منذ 2011" and a bare year say how long something has lasted,
/// not when an event happened, so they are left out.
/// "اليوم الإثنين" in a story dated Tuesday was written on Monday (papers date stories the day after): when "today"
/// names a weekday, the weekday wins (the latest such day on or before publication).
/// </summary>
public sealed class DateFinderSource : IDateSource
{
    private static readonly Lazy<PhraseMatcher<int>> Weekdays = new(() =>
    {
        var file = Lexicons.LexiconFiles.Load("weekdays.tsv", "word", "day");
        return PhraseMatcher<int>.Build(file.Rows.SelectMany(r => Lexicons.LexiconFiles.Expand(r["word"]).Select(w => (w, r.Int("day")))));
    });

    public IReadOnlyList<DateRef> Find(AnalyzedText text, DateOnly published) =>
        DateFinder.Find(text, published)
            .Where(d => d.Kind is not (DateExpressionKind.Since or DateExpressionKind.YearOnly))
            .Select(d => Adjust(text, d, published))
            .ToList();

    private static DateRef Adjust(AnalyzedText text, DateMention d, DateOnly published)
    {
        if (d.Kind is DateExpressionKind.Relative or DateExpressionKind.PartOfDay && d.Start == d.End)
        {
            for (int i = d.FirstToken; i < d.EndToken; i++)
            {
                if (Weekdays.Value.TryMatchAt(text, i, out var m) && (int)d.Start.DayOfWeek != m.Value)
                {
                    int back = ((int)published.DayOfWeek - m.Value + 7) % 7;
                    var day = published.AddDays(-back);
                    return new DateRef(d.FirstToken, d.EndToken, d.Span, day, day, d.Precision);
                }
            }
        }

        return new DateRef(d.FirstToken, d.EndToken, d.Span, d.Start, d.End, d.Precision) { IsRelativeSpan = d.Kind == DateExpressionKind.Relative && d.Start != d.End };
    }
}

/// <summary>Places from the gazetteer (<see cref="PlaceFinder"/>), with their ACLED location and candidates.</summary>
public sealed class GazetteerPlaceSource : IPlaceSource
{
    private readonly PlaceFinder _finder;

    public GazetteerPlaceSource(Gazetteer gazetteer) => _finder = new PlaceFinder(gazetteer);

    public IReadOnlyList<PlaceRef> Find(AnalyzedText text, string? countryHint) =>
        _finder.Find(text, countryHint).Select(p => new PlaceRef(p.FirstToken, p.EndToken, p.Span,
            p.Place is null ? null : p.ToEventLocation(), p.Precision, p.Candidates)
        {
            RelationSpan = p.RelationSpan,
            PlaceId = p.Place?.Id,
            Wide = p.Place?.Kind == PlaceKind.Region || p.Relation == PlaceRelation.Countryside,
            Quarter = p.Place is { } q && (q.Kind == PlaceKind.Neighbourhood || PlaceCues.Default.UrbanDistricts.Contains(q.Id)),
        }).ToList();
}
