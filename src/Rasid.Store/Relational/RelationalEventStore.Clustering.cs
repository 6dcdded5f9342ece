using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Rasid.Core;

namespace Rasid.Store.Relational;

/// <summary>Incident clustering on the write path: a new mention joins (and merges) every incident it matches.</summary>
public abstract partial class RelationalEventStore
{
    /// <summary>
    /// The incidents one write transaction touches, kept in memory until the transaction ends. A mention that joins an
    /// incident changes its members in memory (and repoints the mentions in <c>events</c> with one statement per absorbed
    /// incident); each touched incident row is merged and written once, at <see cref="Flush"/>, instead of once per new
    /// mention, so a day with a big incident (hundreds of reports) no longer rewrites it hundreds of times per batch.
    /// Safe because the transaction is the only writer while it runs (SQLite's write lock, PostgreSQL's clustering lock).
    /// </summary>
    private sealed class IncidentBatch(WriteSession session)
    {
        // Stored: whether a row with this id may already be in incidents (Flush deletes it before writing the merged row).
        private sealed record Pending(string Id, List<ConflictEvent> Members, string Review, List<string> Formers, string Now, bool Stored = true);

        private readonly Dictionary<string, Pending> _incidents = new(StringComparer.Ordinal);
        private readonly HashSet<string> _gone = new(StringComparer.Ordinal);

        /// <summary>Joins <paramref name="mention"/> (already in <c>events</c>, pending) to every incident it matches.</summary>
        public void Add(ConflictEvent mention, string now)
        {
            var matched = MatchingIncidents(mention);
            matched.Remove(mention.EventId);
            var parts = matched.Select(Get).ToList();
            var members = parts.SelectMany(p => p.Members).Append(mention).DistinctBy(m => m.EventId).ToList();
            var id = IncidentRules.IncidentId(members);
            // A reviewed incident that gains a source keeps its review state (the review history says what was decided).
            var same = parts.FirstOrDefault(p => p.Id == id);
            var storedReview = same is null ? session.Scalar("SELECT review_state FROM incidents WHERE incident_id = @i", ("@i", id)) as string : null;
            var review = same?.Review ?? storedReview ?? "unreviewed";
            var formers = parts.SelectMany(p => p.Formers).Concat(matched).Append(mention.EventId).Distinct(StringComparer.Ordinal).ToList();
            foreach (var old in matched.Where(o => o != id))
            {
                session.Exec("UPDATE events SET incident_id = @i WHERE incident_id = @o", ("@i", id), ("@o", old));
                _incidents.Remove(old);
                _gone.Add(old);
            }

            // The new mention was written pending (incident ''): it joins its incident here.
            session.Exec("UPDATE events SET incident_id = @i WHERE event_id = @e", ("@i", id), ("@e", mention.EventId));
            _gone.Remove(id);
            // A new incident no row names yet (most mentions match nothing) needs no DELETE before its INSERT: one statement
            // less under the clustering lock.
            _incidents[id] = new Pending(id, members, review, formers, now, same?.Stored ?? storedReview is not null);
        }

        /// <summary>Deletes the rows of absorbed incidents and writes each touched incident's merged row.</summary>
        public void Flush()
        {
            foreach (var id in _gone.Order(StringComparer.Ordinal))
            {
                session.Exec("DELETE FROM incidents WHERE incident_id = @i", ("@i", id));
            }

            bool anyEdits = _incidents.Count > 0 && session.Scalar("SELECT 1 FROM review_history WHERE action = 'edit' LIMIT 1") is not null;
            foreach (var p in _incidents.Values.OrderBy(p => p.Id, StringComparer.Ordinal))
            {
                if (p.Stored)
                {
                    session.Exec("DELETE FROM incidents WHERE incident_id = @i", ("@i", p.Id));
                }

                InsertIncidentRow(session, p.Members, p.Review, p.Now);
                if (anyEdits)
                {
                    ReapplyEdits(session, p.Id, p.Formers);
                }
            }

            _incidents.Clear();
            _gone.Clear();
        }

        private Pending Get(string incidentId)
        {
            if (_incidents.TryGetValue(incidentId, out var p))
            {
                return p;
            }

            var members = LoadMentions(session.Connection, session.Transaction, incidentId);
            var review = session.Scalar("SELECT review_state FROM incidents WHERE incident_id = @i", ("@i", incidentId)) as string ?? "unreviewed";
            p = new Pending(incidentId, members, review, [], string.Empty);
            _incidents[incidentId] = p; // read once per batch; Add replaces it with the merged incident
            return p;
        }

        /// <summary>
        /// The incidents holding a mention of another document that is the same incident as <paramref name="mention"/>. SQL
        /// narrows by type, modality class, date and a bounding box; the rule itself is <see cref="IncidentRules.SameIncident"/>,
        /// applied to the mentions' scalar columns only (evidence and candidates are not read: the rule does not use them).
        /// </summary>
        private HashSet<string> MatchingIncidents(ConflictEvent mention)
        {
            var incidents = new HashSet<string>(StringComparer.Ordinal);
            if (mention.Location is null)
            {
                return incidents;
            }

            var cmd = session.Command(mention.Location is { Latitude: 0, Longitude: 0 } ? CandidatesByNameSql : CandidatesNearSql);
            cmd.Add("@type", mention.EventType.Name());
            cmd.Add("@counted", mention.Modality.Counts() ? 1 : 0);
            cmd.Add("@from", mention.EventDate.AddDays(-IncidentRules.MaxDaysApart).ToString(DateFormat, CultureInfo.InvariantCulture));
            cmd.Add("@to", mention.EventDate.AddDays(IncidentRules.MaxDaysApart).ToString(DateFormat, CultureInfo.InvariantCulture));
            cmd.Add("@doc", mention.DocumentId);
            BindPlaceFilter(cmd, mention.Location);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var incident = r.GetString(2);
                if (incidents.Contains(incident))
                {
                    continue;
                }

                var other = EventColumns.Read(r, 3, r.GetString(0), r.GetString(1), string.Empty, null);
                if (IncidentRules.SameIncident(mention, other))
                {
                    incidents.Add(incident);
                }
            }

            return incidents;
        }
    }

    private static string CandidatesSql(string placeFilter) => $"""
        SELECT event_id, document_id, incident_id, {EventColumns.List} FROM events
        WHERE event_type = @type AND counted = @counted AND event_date BETWEEN @from AND @to AND document_id <> @doc
          AND incident_id <> '' AND {placeFilter}
        """;

    /// <summary>
    /// Narrows clustering candidates in SQL to mentions that can be near: a box a little wider than
    /// <see cref="IncidentRules.MaxKilometres"/> around the mention's point (plus mentions without a point, which are
    /// compared by name), or the same place name when the mention has no point. Without it a busy day makes every
    /// insert read every mention of that day.
    /// </summary>
    private static readonly string CandidatesNearSql = CandidatesSql(
        "(latitude IS NULL OR (latitude = 0 AND longitude = 0) OR (latitude BETWEEN @minlat AND @maxlat AND longitude BETWEEN @minlon AND @maxlon))");

    private static readonly string CandidatesByNameSql = CandidatesSql("lower(location) = lower(@loc)");

    private static void BindPlaceFilter(DbCommand cmd, EventLocation location)
    {
        if (location is { Latitude: 0, Longitude: 0 })
        {
            cmd.Add("@loc", location.Name);
            return;
        }

        const double KmPerDegree = 111.0;
        double dLat = IncidentRules.MaxKilometres / KmPerDegree * 1.2;
        double dLon = dLat / Math.Max(0.1, Math.Cos(location.Latitude * Math.PI / 180));
        cmd.Add("@minlat", location.Latitude - dLat);
        cmd.Add("@maxlat", location.Latitude + dLat);
        cmd.Add("@minlon", location.Longitude - dLon);
        cmd.Add("@maxlon", location.Longitude + dLon);
    }

    /// <summary>Points every member at the incident they form and (re)writes its merged row (review merge and split).</summary>
    private static ConflictEvent WriteIncident(DbTransaction tx, IReadOnlyList<ConflictEvent> members, string review, string now)
    {
        using var session = new WriteSession(tx);
        var id = IncidentRules.IncidentId(members);
        foreach (var m in members)
        {
            session.Exec("UPDATE events SET incident_id = @i WHERE event_id = @e", ("@i", id), ("@e", m.EventId));
        }

        session.Exec("DELETE FROM incidents WHERE incident_id = @i", ("@i", id));
        return InsertIncidentRow(session, members, review, now);
    }

    private static readonly string InsertIncidentSql = $"""
        INSERT INTO incidents(incident_id, {EventColumns.List}, interaction, evidence, place_candidates, primary_document_id,
                              document_ids, source_count, review_state, updated_at)
        VALUES (@incident_id, {EventColumns.Parameters}, @interaction, @evidence, @candidates, @primary, @docs, @count, @review, @now)
        """;

    /// <summary>Inserts the merged row of an incident formed by <paramref name="members"/> (no row with its id may exist).</summary>
    private static ConflictEvent InsertIncidentRow(WriteSession session, IReadOnlyList<ConflictEvent> members, string review, string now)
    {
        var merged = IncidentRules.Merge(members);
        var ins = session.Command(InsertIncidentSql);
        ins.Add("@incident_id", merged.EventId);
        EventColumns.Bind(ins, merged);
        ins.Add("@interaction", merged.Interaction);
        ins.Add("@evidence", EventJson.Evidence(merged.Evidence));
        ins.Add("@candidates", EventJson.Candidates(merged.PlaceCandidates));
        ins.Add("@primary", merged.DocumentId);
        var docs = members.Select(m => m.DocumentId).Distinct().Order(StringComparer.Ordinal).ToList();
        ins.Add("@docs", JsonSerializer.Serialize(docs));
        ins.Add("@count", docs.Count);
        ins.Add("@review", review);
        ins.Add("@now", now);
        ins.ExecuteNonQuery();
        return merged;
    }
}
