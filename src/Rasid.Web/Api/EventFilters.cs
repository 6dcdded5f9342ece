using System.Globalization;
using Rasid.Core;
using Rasid.Store;

namespace Rasid.Web.Api;

/// <summary>
/// The filters of GET /api/events, /api/timeline, /api/facets and /api/export (the same as <c>rasid query</c>), read
/// from the query string with one error message per bad parameter.
/// </summary>
internal static class EventFilters
{
    public const int MaxLimit = 1000;

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "from", "to", "country", "admin1", "type", "sub_type", "actor", "text", "bbox", "modality", "all_modalities", "review_state",
        "limit", "offset", "after", "order", "format", "document_id", "fields",
    };

    private static readonly string[] ReviewStates = ["unreviewed", "accepted", "rejected", "edited"];

    public static (EventQuery Query, Dictionary<string, string[]> Errors) Parse(IQueryCollection q, int defaultLimit = 100, int maxLimit = MaxLimit)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Error(string field, string message) => errors[field] = [message];
        string? Get(string name) => q.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString().Trim() : null;

        foreach (var key in q.Keys.Where(k => !Known.Contains(k)))
        {
            Error(key, $"unknown parameter '{key}' (known: {string.Join(", ", Known.Order(StringComparer.Ordinal))})");
        }

        DateOnly? Date(string name)
        {
            var s = Get(name);
            if (s is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return d;
            }

            Error(name, $"'{s}' is not a date (yyyy-mm-dd)");
            return null;
        }

        int Int(string name, int fallback, int min, int max)
        {
            var s = Get(name);
            if (s is null)
            {
                return fallback;
            }

            if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            {
                return n;
            }

            Error(name, $"'{s}' is not a whole number from {min} to {max}");
            return fallback;
        }

        var from = Date("from");
        var to = Date("to");
        if (from > to)
        {
            Error("to", "is before 'from'");
        }

        var type = Get("type");
        if (type is not null && !AcledTaxonomy.TryParseEventType(type, out _))
        {
            Error("type", $"'{type}' is not an ACLED event type ({string.Join(", ", AcledTaxonomy.EventTypes.Select(t => t.Name()))})");
        }

        var sub = Get("sub_type");
        if (sub is not null && !AcledTaxonomy.TryParseSubEventType(sub, out _))
        {
            Error("sub_type", $"'{sub}' is not an ACLED sub-event type ({string.Join(", ", AcledTaxonomy.SubEventTypes.Select(t => t.Name()))})");
        }

        Modality? modality = null;
        if (Get("modality") is { } m)
        {
            if (ModalityExtensions.TryParse(m, out var parsed))
            {
                modality = parsed;
            }
            else
            {
                Error("modality", $"'{m}' is not a modality (asserted, reported, claimed, negated, hypothetical, speculative, future)");
            }
        }

        bool all = false;
        if (Get("all_modalities") is { } a && !bool.TryParse(a, out all))
        {
            Error("all_modalities", $"'{a}' is not true or false");
        }

        var review = Get("review_state");
        if (review is not null && !ReviewStates.Contains(review))
        {
            Error("review_state", $"'{review}' is not a review state ({string.Join(", ", ReviewStates)})");
        }

        var order = Get("order") ?? "date";
        if (order is not ("date" or "date_asc" or "fatalities"))
        {
            Error("order", $"'{order}' is not an order (date, date_asc, fatalities)");
        }

        EventCursor? after = null;
        if (Get("after") is { } cursor)
        {
            if (!EventCursor.TryDecode(cursor, out after))
            {
                Error("after", "is not a page cursor (send the 'next' value of the previous page)");
            }
            else if (after!.OrderBy != order)
            {
                Error("after", $"is a cursor for order '{after.OrderBy}', not '{order}'");
            }
        }

        (double, double, double, double)? bbox = null;
        if (Get("bbox") is { } b)
        {
            var nums = b.Split(',').Select(x => double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN).ToArray();
            if (nums.Length != 4 || nums.Any(double.IsNaN) || nums[0] > nums[2] || nums[1] > nums[3]
                || nums[0] < -180 || nums[2] > 180 || nums[1] < -90 || nums[3] > 90)
            {
                Error("bbox", $"'{b}' is not minLon,minLat,maxLon,maxLat");
            }
            else
            {
                bbox = (nums[0], nums[1], nums[2], nums[3]);
            }
        }

        foreach (var name in new[] { "country", "admin1", "actor", "text", "document_id" })
        {
            if (Get(name) is { Length: > 500 })
            {
                Error(name, "is longer than 500 characters");
            }
        }

        var query = new EventQuery
        {
            From = from,
            To = to,
            Country = Get("country"),
            Admin1 = Get("admin1"),
            EventType = type,
            SubEventType = sub,
            Actor = Get("actor"),
            Text = Get("text"),
            BoundingBox = bbox,
            Modality = modality,
            IncludeUncounted = all,
            ReviewState = review,
            DocumentId = Get("document_id"),
            Limit = Int("limit", defaultLimit, 0, maxLimit),
            Offset = Int("offset", 0, 0, int.MaxValue),
            OrderBy = order,
            After = after,
        };
        return (query, errors);
    }
}
