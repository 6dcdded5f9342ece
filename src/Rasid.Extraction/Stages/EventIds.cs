using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Rasid.Core;

namespace Rasid.Extraction.Stages;

/// <summary>
/// Stable event ids: a hash of what identifies the event inside its document (document id, sub-event type, place, date,
/// first trigger offset), so a re-run gives the same id and a changed event a new one.
/// </summary>
internal static class EventIds
{
    public static string For(string documentId, SubEventType sub, string? place, DateOnly date, int triggerOffset)
    {
        var key = string.Join('\u001f', documentId, sub.Name(), place ?? string.Empty,
            date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), triggerOffset.ToString(CultureInfo.InvariantCulture));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return "RSD-" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }
}
