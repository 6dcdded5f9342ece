using System.Data.Common;
using System.Globalization;
using Rasid.Core;

namespace Rasid.Store.Relational;

/// <summary>
/// Timeline, count and facets. Where the filters allow it they are read from the counts the incidents table's triggers
/// keep (migration 0004/0005 <c>incident_counts</c>, 0007/0012 <c>country_day_counts</c>): <c>incident_day_counts</c>
/// answers dates and modality, <c>incident_country_day_counts</c> the same with a country, <c>incident_facet_counts</c>
/// whole months (or all time), country and modality. Any other filter reads the incidents themselves,
/// through the same <see cref="Where"/> as the event list, in one pass. Both paths give exactly the numbers the filtered
/// event list has (the store tests compare them on SQLite and PostgreSQL).
/// </summary>
public abstract partial class RelationalEventStore
{
    private static readonly string[] FacetNames = ["country", "admin1", "event_type", "sub_event_type", "actor"];

    public IReadOnlyList<TimelineDay> Timeline(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var c = OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = DayCountsTable(query) is { } counts
            ? $"SELECT event_date, SUM(incidents), SUM(fatalities) FROM {counts} {CountsWhere(cmd, query, days: true)} GROUP BY event_date ORDER BY event_date"
            : $"SELECT event_date, COUNT(*), COALESCE(SUM(fatalities), 0) FROM incidents {Where(cmd, query)} GROUP BY event_date ORDER BY event_date";
        var list = new List<TimelineDay>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(new TimelineDay(DateOnly.ParseExact(r.GetString(0), DateFormat, CultureInfo.InvariantCulture), Db.Long(r.GetValue(1)), Db.Long(r.GetValue(2))));
        }

        return list;
    }

    public long Count(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var c = OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = DayCountsTable(query) is { } counts
            ? $"SELECT COALESCE(SUM(incidents), 0) FROM {counts} {CountsWhere(cmd, query, days: true)}"
            : $"SELECT COUNT(*) FROM incidents {Where(cmd, query)}";
        return Db.Long(cmd.ExecuteScalar());
    }

    public EventFacets Facets(EventQuery query, int top = 20)
    {
        ArgumentNullException.ThrowIfNull(query);
        top = Math.Clamp(top, 1, 1000);
        using var c = OpenConnection();
        var counts = FacetCountsAnswer(query) ? FacetsFromCounts(c, query) : FacetsFromIncidents(c, query);
        List<FacetCount> Top(Dictionary<string, (long N, string? Code)> values) =>
            values.Where(v => v.Value.N > 0)
                  .OrderByDescending(v => v.Value.N).ThenBy(v => v.Key, StringComparer.Ordinal)
                  .Take(top)
                  .Select(v => new FacetCount(v.Key, v.Value.N, v.Value.Code))
                  .ToList();
        return new EventFacets(Top(counts[0]), Top(counts[1]), Top(counts[2]), Top(counts[3]), Top(counts[4]));
    }

    /// <summary>
    /// The per-day counts table that answers exactly: only dates and modality, <c>incident_day_counts</c>; with a country
    /// too, <c>incident_country_day_counts</c> (migration 0007/0012); null when the filters need the incidents.
    /// </summary>
    private static string? DayCountsTable(EventQuery q) =>
        !OnlyCountsFilters(q) ? null
        : string.IsNullOrWhiteSpace(q.Country) ? "incident_day_counts"
        : "incident_country_day_counts";

    /// <summary>Dates that start and end on month boundaries, country and modality: the per-month facet counts answer exactly.</summary>
    private static bool FacetCountsAnswer(EventQuery q) =>
        OnlyCountsFilters(q)
        && (q.From is not { } from || from.Day == 1)
        && (q.To is not { } to || to.Day == DateTime.DaysInMonth(to.Year, to.Month));

    private static bool OnlyCountsFilters(EventQuery q) =>
        string.IsNullOrWhiteSpace(q.Admin1) && string.IsNullOrWhiteSpace(q.EventType) && string.IsNullOrWhiteSpace(q.SubEventType)
        && string.IsNullOrWhiteSpace(q.Actor) && string.IsNullOrWhiteSpace(q.Text) && string.IsNullOrWhiteSpace(q.ReviewState)
        && string.IsNullOrWhiteSpace(q.DocumentId) && q.BoundingBox is null;

    /// <summary>The WHERE clause over a counts table for the filters <see cref="Where"/> would apply to incidents.</summary>
    private static string CountsWhere(DbCommand cmd, EventQuery q, bool days)
    {
        var clauses = new List<string>();
        if (q.Modality is { } m)
        {
            clauses.Add("modality = @modality");
            cmd.Add("@modality", m.ToWireName());
        }
        else if (!q.IncludeUncounted)
        {
            clauses.Add("counted = 1");
        }

        if (!days)
        {
            // Every facet named, so each is a range of the primary key; no dates: the all-time rows (month '').
            clauses.Insert(0, "facet IN ('country', 'admin1', 'event_type', 'sub_event_type', 'actor')");
            clauses.Add(q.From is null && q.To is null ? "month = ''" : "month <> ''");
        }

        if (q.From is { } from)
        {
            clauses.Add(days ? "event_date >= @from" : "month >= @from");
            cmd.Add("@from", from.ToString(days ? DateFormat : "yyyy-MM", CultureInfo.InvariantCulture));
        }

        if (q.To is { } to)
        {
            clauses.Add(days ? "event_date <= @to" : "month <= @to");
            cmd.Add("@to", to.ToString(days ? DateFormat : "yyyy-MM", CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrWhiteSpace(q.Country))
        {
            var country = q.Country.Trim();
            clauses.Add(country.Length == 2 ? "lower(country_code) = lower(@country)" : "lower(country) = lower(@country)");
            cmd.Add("@country", country);
        }

        return clauses.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", clauses);
    }

    private static Dictionary<string, (long N, string? Code)>[] NewFacetCounts() =>
        [.. FacetNames.Select(_ => new Dictionary<string, (long, string?)>(StringComparer.Ordinal))];

    private static Dictionary<string, (long N, string? Code)>[] FacetsFromCounts(DbConnection c, EventQuery query)
    {
        var counts = NewFacetCounts();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"""
            SELECT facet, value, MAX(country_code), SUM(incidents) FROM incident_facet_counts {CountsWhere(cmd, query, days: false)}
            GROUP BY facet, value
            """;
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            int facet = Array.IndexOf(FacetNames, r.GetString(0));
            if (facet >= 0)
            {
                var code = facet == 0 && !r.IsDBNull(2) && r.GetString(2).Length > 0 ? r.GetString(2) : null;
                counts[facet][r.GetString(1)] = (Db.Long(r.GetValue(3)), code);
            }
        }

        return counts;
    }

    /// <summary>
    /// One pass over the selected incidents' facet columns (not one GROUP BY each: a filtered selection is found through an
    /// index but every facet column needs the row, so six scans cost six times the table reads).
    /// </summary>
    private Dictionary<string, (long N, string? Code)>[] FacetsFromIncidents(DbConnection c, EventQuery query)
    {
        var counts = NewFacetCounts();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT country, country_code, admin1, event_type, sub_event_type, actor1, actor2 FROM incidents {Where(cmd, query)}";
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var code = r.IsDBNull(1) ? null : r.GetString(1);
            var country = r.IsDBNull(0) ? code : r.GetString(0);
            if (!string.IsNullOrEmpty(country))
            {
                // The country's code is the greatest code seen with that name (as MAX() over the counts table).
                counts[0].TryGetValue(country, out var seen);
                var best = seen.Code is null || (code is not null && string.CompareOrdinal(code, seen.Code) > 0) ? code : seen.Code;
                counts[0][country] = (seen.N + 1, string.IsNullOrEmpty(best) ? null : best);
            }

            Count(counts[1], r, 2);
            Count(counts[2], r, 3);
            Count(counts[3], r, 4);
            Count(counts[4], r, 5);
            Count(counts[4], r, 6);
        }

        return counts;

        static void Count(Dictionary<string, (long N, string? Code)> facet, DbDataReader r, int column)
        {
            if (r.IsDBNull(column))
            {
                return;
            }

            var v = r.GetString(column);
            if (v.Length > 0)
            {
                facet[v] = (facet.GetValueOrDefault(v).N + 1, null);
            }
        }
    }
}
