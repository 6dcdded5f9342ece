using System.Globalization;
using System.Text;
using Rasid.Core;

namespace Rasid.Store;

/// <summary>
/// A position in a sorted list of incidents: the sort key and id of the last incident of a page. The next page starts
/// right after it (keyset paging), so reading page 500 costs what page 1 does, where OFFSET reads and skips every row
/// before it, and an incident written meanwhile does not shift the pages. Sent to clients as an opaque string.
/// </summary>
public sealed record EventCursor(string OrderBy, DateOnly EventDate, int Fatalities, string IncidentId)
{
    private const string Version = "c1";

    /// <summary>The cursor after <paramref name="last"/> in a list sorted by <paramref name="orderBy"/>.</summary>
    public static EventCursor After(StoredEvent last, string orderBy)
    {
        ArgumentNullException.ThrowIfNull(last);
        return new EventCursor(orderBy, last.Event.EventDate, last.Event.Fatalities, last.Event.EventId);
    }

    /// <summary>The cursor for the page after <paramref name="page"/>, or null when the page was not full (nothing follows).</summary>
    public static string? Next(IReadOnlyList<StoredEvent> page, EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(query);
        return page.Count == 0 || page.Count < query.Limit ? null : After(page[^1], query.OrderBy).Encode();
    }

    public string Encode()
    {
        var text = string.Join('\t', Version, OrderBy, EventDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Fatalities.ToString(CultureInfo.InvariantCulture), IncidentId);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Reads a cursor made by <see cref="Encode"/>; false for anything else.</summary>
    public static bool TryDecode(string? text, out EventCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 2000)
        {
            return false;
        }

        var b64 = text.Trim().Replace('-', '+').Replace('_', '/');
        b64 = b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=');
        var bytes = new byte[b64.Length];
        if (!Convert.TryFromBase64String(b64, bytes, out int n))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, true).GetString(bytes, 0, n);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var parts = decoded.Split('\t');
        if (parts.Length != 5 || parts[0] != Version || parts[1] is not ("date" or "date_asc" or "fatalities") || parts[4].Length == 0
            || !DateOnly.TryParseExact(parts[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || !int.TryParse(parts[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var fatalities))
        {
            return false;
        }

        cursor = new EventCursor(parts[1], date, fatalities, parts[4]);
        return true;
    }

    /// <summary>Reads a cursor or throws E335 naming <paramref name="input"/>.</summary>
    public static EventCursor Decode(string text, string input = "--after") =>
        TryDecode(text, out var cursor) ? cursor! : throw new RasidException("E335", input, "not a page cursor (use the 'next' value a query returned)");
}
