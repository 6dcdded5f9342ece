using System.Data.Common;
using System.Globalization;
using Rasid.Core;

namespace Rasid.Store.Relational;

/// <summary>Analyst review (accept, reject, edit, merge, split) with a per-field audit history, and the dashboard's aggregates.</summary>
public abstract partial class RelationalEventStore
{
    public ReviewResult Review(ReviewRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.User))
        {
            throw new RasidException("E331", request.IncidentId, "a review needs the reviewing user's name");
        }

        return InWriteTransaction(tx =>
        {
            var now = DateTimeOffset.UtcNow;
            var current = ReadIncident(tx, request.IncidentId)
                          ?? throw new RasidException("E330", request.IncidentId, "no such event (incident)");
            var entries = new List<ReviewEntry>();
            StoredEvent? splitOff = null;
            string id = current.Event.EventId; // the incident's id now, if the request named it by an older one
            switch (request.Action)
            {
                case ReviewAction.Accept:
                case ReviewAction.Reject:
                    var state = request.Action == ReviewAction.Accept ? "accepted" : "rejected";
                    SetState(tx, id, current.ReviewState, state, request.User, "accept_reject", now, entries);
                    break;
                case ReviewAction.Edit:
                    Edit(tx, current, request, now, entries);
                    break;
                case ReviewAction.Merge:
                    id = Merge(tx, current, request, now, entries);
                    break;
                case ReviewAction.Split:
                    (id, var newId) = Split(tx, current, request, now, entries);
                    splitOff = ReadIncident(tx, newId);
                    break;
                default:
                    throw new RasidException("E331", request.IncidentId, $"unknown review action {request.Action}");
            }

            foreach (var e in entries)
            {
                Db.Exec(tx.Connection!, tx,
                    "INSERT INTO review_history(incident_id, user_name, action, field, old_value, new_value, at) VALUES (@i, @u, @a, @f, @o, @n, @t)",
                    ("@i", e.IncidentId), ("@u", e.User), ("@a", e.Action), ("@f", e.Field), ("@o", e.OldValue), ("@n", e.NewValue),
                    ("@t", e.At.ToString("O", CultureInfo.InvariantCulture)));
            }

            return new ReviewResult(ReadIncident(tx, id)!, splitOff, entries);
        });
    }

    private static void SetState(DbTransaction tx, string id, string old, string state, string user, string action, DateTimeOffset now, List<ReviewEntry> entries)
    {
        var wire = action == "accept_reject" ? (state == "accepted" ? "accept" : "reject") : action;
        if (old != state)
        {
            Db.Exec(tx.Connection!, tx, "UPDATE incidents SET review_state = @s, updated_at = @t WHERE incident_id = @i",
                ("@s", state), ("@t", now.ToString("O", CultureInfo.InvariantCulture)), ("@i", id));
        }

        entries.Add(new ReviewEntry(id, user, wire, "review_state", old, state, now));
    }

    private static void Edit(DbTransaction tx, StoredEvent current, ReviewRequest request, DateTimeOffset now, List<ReviewEntry> entries)
    {
        var errors = ReviewFields.Validate(request.Fields);
        if (errors.Count > 0)
        {
            var (field, problem) = errors.First();
            throw new RasidException("E331", field, problem);
        }

        if (request.Fields.Count == 0)
        {
            throw new RasidException("E331", "fields", "an edit needs at least one field");
        }

        var e = current.Event;
        var fields = new Dictionary<string, string?>(request.Fields, StringComparer.Ordinal);
        // The sub-event type decides the event type; an event type alone is accepted only when the current sub-type fits it.
        if (fields.TryGetValue("sub_event_type", out var subText) && AcledTaxonomy.TryParseSubEventType(subText, out var sub))
        {
            fields["sub_event_type"] = sub.Name();
            fields["event_type"] = sub.Parent().Name();
        }
        else if (fields.TryGetValue("event_type", out var typeText) && AcledTaxonomy.TryParseEventType(typeText, out var type))
        {
            if (e.SubEventType.Parent() != type)
            {
                throw new RasidException("E331", "sub_event_type", $"changing the event type to '{type.Name()}' needs a sub_event_type of that type");
            }

            fields["event_type"] = type.Name();
        }

        foreach (var (field, value) in fields)
        {
            var old = FieldValue(e, field);
            var normalized = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            if (field is "latitude" or "longitude" && normalized is not null)
            {
                normalized = double.Parse(normalized, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
            }

            if (normalized is null && field is "event_type" or "sub_event_type" or "event_date" or "fatalities")
            {
                throw new RasidException("E331", field, "cannot be cleared");
            }

            if (string.Equals(old, normalized, StringComparison.Ordinal))
            {
                continue;
            }

            object? dbValue = field switch
            {
                "fatalities" or "geo_precision" => normalized is null ? null : int.Parse(normalized, CultureInfo.InvariantCulture),
                "latitude" or "longitude" => normalized is null ? null : double.Parse(normalized, CultureInfo.InvariantCulture),
                _ => normalized,
            };
            // The column name is the field name, taken from the closed list of editable fields (never from the request).
            var column = ReviewFields.Editable.Single(f => f == field);
            Db.Exec(tx.Connection!, tx, $"UPDATE incidents SET {column} = @v WHERE incident_id = @i", ("@v", dbValue), ("@i", e.EventId));
            entries.Add(new ReviewEntry(e.EventId, request.User, "edit", field, old, normalized, now));
        }

        if (entries.Count > 0)
        {
            SetState(tx, e.EventId, current.ReviewState, "edited", request.User, "edit", now, entries);
        }
    }

    /// <summary>
    /// An incident rewritten from its mentions (a new report joined it) keeps the analyst's edits: the last edited value
    /// of each field, from the history of the incident and of any incident it absorbed, is applied again.
    /// </summary>
    private static void ReapplyEdits(WriteSession session, string incidentId, IReadOnlyList<string> formerIds)
    {
        // The last edit of each field wins, in the order the edits were made (history_key), whatever incident it was made on.
        var edits = new List<(long Key, string Field, string? Value)>();
        foreach (var id in formerIds.Append(incidentId).Distinct(StringComparer.Ordinal))
        {
            var cmd = session.Command("SELECT field, new_value, history_key FROM review_history WHERE incident_id = @i AND action = 'edit' ORDER BY history_key");
            cmd.Add("@i", id);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                edits.Add((Db.Long(r.GetValue(2)), r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1)));
            }
        }

        var last = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (_, field, value) in edits.OrderBy(e => e.Key))
        {
            last[field] = value;
        }

        foreach (var (field, value) in last)
        {
            var column = ReviewFields.Editable.SingleOrDefault(f => f == field);
            if (column is null)
            {
                continue;
            }

            object? dbValue = field switch
            {
                "fatalities" or "geo_precision" => value is null ? null : int.Parse(value, CultureInfo.InvariantCulture),
                "latitude" or "longitude" => value is null ? null : double.Parse(value, CultureInfo.InvariantCulture),
                _ => value,
            };
            session.Exec($"UPDATE incidents SET {column} = @v WHERE incident_id = @i", ("@v", dbValue), ("@i", incidentId));
        }
    }

    private static string? FieldValue(ConflictEvent e, string field) => field switch
    {
        "event_type" => e.EventType.Name(),
        "sub_event_type" => e.SubEventType.Name(),
        "event_date" => e.EventDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "actor1" => e.Actor1?.Name,
        "actor2" => e.Actor2?.Name,
        "fatalities" => e.Fatalities.ToString(CultureInfo.InvariantCulture),
        "location" => e.Location?.Name,
        "admin1" => e.Location?.Admin1,
        "latitude" => e.Location?.Latitude.ToString("R", CultureInfo.InvariantCulture),
        "longitude" => e.Location?.Longitude.ToString("R", CultureInfo.InvariantCulture),
        "geo_precision" => e.Location is null ? null : ((int)e.Location.Precision).ToString(CultureInfo.InvariantCulture),
        "notes" => string.IsNullOrEmpty(e.Notes) ? null : e.Notes,
        _ => throw new RasidException("E331", field, "is not an editable field"),
    };

    private static string Merge(DbTransaction tx, StoredEvent current, ReviewRequest request, DateTimeOffset now, List<ReviewEntry> entries)
    {
        var otherId = request.MergeWith;
        if (string.IsNullOrWhiteSpace(otherId))
        {
            throw new RasidException("E331", "merge_with", "a merge needs merge_with: the id of the other event");
        }

        if (otherId == current.Event.EventId)
        {
            throw new RasidException("E331", "merge_with", "an event cannot be merged with itself");
        }

        var other = ReadIncident(tx, otherId) ?? throw new RasidException("E330", otherId, "no such event (incident) to merge with");
        otherId = other.Event.EventId;
        if (otherId == current.Event.EventId)
        {
            throw new RasidException("E331", "merge_with", $"{request.MergeWith} is already part of this event");
        }

        var members = LoadMentions(tx.Connection!, tx, current.Event.EventId).Concat(LoadMentions(tx.Connection!, tx, otherId)).ToList();
        Db.Exec(tx.Connection!, tx, "DELETE FROM incidents WHERE incident_id IN (@a, @b)", ("@a", current.Event.EventId), ("@b", otherId));
        var state = current.ReviewState == "unreviewed" ? "edited" : current.ReviewState;
        var merged = WriteIncident(tx, members, state, now.ToString("O", CultureInfo.InvariantCulture));
        foreach (var id in new[] { current.Event.EventId, otherId }.Distinct())
        {
            entries.Add(new ReviewEntry(merged.EventId, request.User, "merge", "incident_id", id, merged.EventId, now));
        }

        return merged.EventId;
    }

    private static (string Kept, string SplitOff) Split(DbTransaction tx, StoredEvent current, ReviewRequest request, DateTimeOffset now, List<ReviewEntry> entries)
    {
        var members = LoadMentions(tx.Connection!, tx, current.Event.EventId);
        var leaving = request.MentionIds.Distinct(StringComparer.Ordinal).ToList();
        if (leaving.Count == 0)
        {
            throw new RasidException("E331", "mention_ids", "a split needs mention_ids: the mentions that form the new event");
        }

        var unknown = leaving.FirstOrDefault(m => members.All(x => x.EventId != m));
        if (unknown is not null)
        {
            throw new RasidException("E331", "mention_ids", $"'{unknown}' is not a mention of event {current.Event.EventId}");
        }

        if (leaving.Count == members.Count)
        {
            throw new RasidException("E331", "mention_ids", "a split must leave at least one mention in the event");
        }

        var stamp = now.ToString("O", CultureInfo.InvariantCulture);
        Db.Exec(tx.Connection!, tx, "DELETE FROM incidents WHERE incident_id = @i", ("@i", current.Event.EventId));
        var state = current.ReviewState == "unreviewed" ? "edited" : current.ReviewState;
        var kept = WriteIncident(tx, members.Where(m => !leaving.Contains(m.EventId)).ToList(), state, stamp);
        var split = WriteIncident(tx, members.Where(m => leaving.Contains(m.EventId)).ToList(), "edited", stamp);
        foreach (var m in leaving)
        {
            entries.Add(new ReviewEntry(kept.EventId, request.User, "split", "mention " + m, current.Event.EventId, split.EventId, now));
            entries.Add(new ReviewEntry(split.EventId, request.User, "split", "mention " + m, current.Event.EventId, split.EventId, now));
        }

        return (kept.EventId, split.EventId);
    }

    public IReadOnlyList<ReviewEntry> History(string incidentId)
    {
        using var c = OpenConnection();
        using var cmd = Db.Command(c, null, "SELECT incident_id, user_name, action, field, old_value, new_value, at FROM review_history WHERE incident_id = @i ORDER BY history_key");
        cmd.Add("@i", incidentId);
        var list = new List<ReviewEntry>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(new ReviewEntry(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), DateTimeOffset.Parse(r.GetString(6), CultureInfo.InvariantCulture)));
        }

        return list;
    }

    private static StoredEvent? ReadIncident(DbTransaction tx, string incidentId)
    {
        using var cmd = Db.Command(tx, $"SELECT {IncidentColumns} FROM incidents WHERE incident_id = {CurrentIncidentOf("@i")}");
        cmd.Add("@i", incidentId);
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadIncident(r) : null;
    }

    /// <summary>Runs <paramref name="body"/> in a write transaction on the write path (one writer; PostgreSQL's clustering lock held).</summary>
    private T InWriteTransaction<T>(Func<DbTransaction, T> body)
    {
        lock (_writeLock)
        {
            var connection = WriteConnection();
            try
            {
                using var tx = connection.BeginTransaction();
                BeginWrite(tx);
                var result = body(tx);
                tx.Commit();
                return result;
            }
            finally
            {
                ReleaseWriteConnection(connection);
            }
        }
    }
}
