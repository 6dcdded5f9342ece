using Rasid.Arabic.Matching;
using Rasid.Core;

namespace Rasid.Extraction.Lexicons;

/// <summary>One row of data/extraction/actors.tsv: an actor as ACLED names it, for one country.</summary>
public sealed record ActorEntry(string Name, ActorType Type, string Country, string Kind, bool Air)
{
    /// <summary>True for rows that only point back to an actor named earlier ("التنظيم", "الميليشيات").</summary>
    public bool IsAnaphor => Kind.StartsWith("anaphor-", StringComparison.Ordinal);

    /// <summary>The actor kinds an anaphor may refer to.</summary>
    public IReadOnlyList<string> AnaphorKinds => IsAnaphor ? Kind["anaphor-".Length..].Split('|') : [];

    public bool IsArmed => Type is ActorType.StateForces or ActorType.RebelGroup or ActorType.PoliticalMilitia
        or ActorType.IdentityMilitia or ActorType.ExternalOrOtherForces;

    /// <summary>The name with the document's country filled in ("Civilians ({country})" → "Civilians (Yemen)").</summary>
    public string NameFor(string? countryCode) =>
        Name.Contains("{country}", StringComparison.Ordinal)
            ? Name.Replace("{country}", CountryNames.English(countryCode), StringComparison.Ordinal)
            : Name;
}

/// <summary>
/// The actor alias dictionary compiled into a phrase matcher. An alias listed for several countries ("الجيش") keeps all its
/// rows; <see cref="Resolve"/> picks the row of the document's country, else the row valid anywhere ("*"), else the first.
/// </summary>
public sealed class ActorLexicon
{
    private static readonly Lazy<ActorLexicon> BuiltInInstance = new(Load);

    private ActorLexicon(PhraseMatcher<ActorEntry[]> matcher, int rows, Dictionary<(string Country, bool Air, string Kind), ActorEntry> stateForces)
    {
        Matcher = matcher;
        Rows = rows;
        _stateForces = stateForces;
    }

    // The state forces rows of each country (ACLED's dated name, e.g. "Military Forces of Syria (2000-)"), ground and air, by
    // kind of forces (army, police; "" = the army under any name).
    private readonly Dictionary<(string Country, bool Air, string Kind), ActorEntry> _stateForces;

    public static ActorLexicon BuiltIn => BuiltInInstance.Value;

    public PhraseMatcher<ActorEntry[]> Matcher { get; }

    public int Rows { get; }

    public static ActorEntry Resolve(ActorEntry[] rows, string? countryCode)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var r in rows)
        {
            if (string.Equals(r.Country, countryCode, StringComparison.OrdinalIgnoreCase))
            {
                return r;
            }
        }

        foreach (var r in rows)
        {
            if (r.Country == "*")
            {
                return NamedStateForces(r, countryCode) ?? r;
            }
        }

        return rows[0];
    }

    // A generic "الجيش" / "القوات الحكومية" row ("Military Forces of {country}") in a country whose state forces have their
    // own row takes that row, so one army carries one ACLED name in every event of the document.
    private static ActorEntry? NamedStateForces(ActorEntry generic, string? countryCode)
    {
        if (countryCode is null || generic.Type != ActorType.StateForces || !generic.Name.Contains("{country}", StringComparison.Ordinal))
        {
            return null;
        }

        // The police row maps to the country's police, the army row to its army ("Police Forces of {country}" → "Police
        // Forces of Iraq (2014-)").
        var forces = BuiltIn._stateForces;
        var code = countryCode.ToUpperInvariant();
        var kind = ForcesKind(generic.Name);
        return forces.GetValueOrDefault((code, generic.Air, kind)) ?? forces.GetValueOrDefault((code, false, kind))
            ?? (kind == PoliceKind ? null : forces.GetValueOrDefault((code, generic.Air, "")) ?? forces.GetValueOrDefault((code, false, "")));
    }

    private const string PoliceKind = "Police Forces of ";

    // "Military Forces of Iraq (2014-)" → "Military Forces of ": which forces of a state an ACLED name means.
    private static string ForcesKind(string name)
    {
        int of = name.IndexOf(" of ", StringComparison.Ordinal);
        return of < 0 ? name : name[..(of + 4)];
    }

    private static ActorLexicon Load()
    {
        var file = LexiconFiles.Load("actors.tsv", "name", "type", "country", "kind", "air", "aliases");
        var entries = new List<(string, ActorEntry[])>();
        var stateForces = new Dictionary<(string Country, bool Air, string Kind), ActorEntry>();
        foreach (var row in file.Rows)
        {
            int type = row.Int("type");
            if (type is < 0 or > 8)
            {
                throw row.Error($"actor type {type} is not an ACLED inter code 0-8");
            }

            var entry = new ActorEntry(row["name"], (ActorType)type, row["country"], row["kind"], row["air"] == "yes");
            if (entry.Kind == "state" && entry.Type == ActorType.StateForces && entry.Country != "*" && !entry.Name.Contains('{', StringComparison.Ordinal))
            {
                stateForces.TryAdd((entry.Country.ToUpperInvariant(), entry.Air, ForcesKind(entry.Name)), entry);
                if (ForcesKind(entry.Name) != PoliceKind)
                {
                    stateForces.TryAdd((entry.Country.ToUpperInvariant(), entry.Air, ""), entry); // the army, whatever ACLED calls it ("Libyan National Army")
                }
            }

            foreach (var alias in LexiconFiles.Expand(row["aliases"]))
            {
                entries.Add((alias, [entry]));
            }
        }

        var matcher = PhraseMatcher<ActorEntry[]>.Build(entries, allowEnclitics: false, merge: (a, b) => [.. a, .. b]);
        return new ActorLexicon(matcher, file.Rows.Count, stateForces);
    }
}

/// <summary>English country names as ACLED writes them, for the ISO codes Rasid covers.</summary>
public static class CountryNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SY"] = "Syria", ["IQ"] = "Iraq", ["YE"] = "Yemen", ["LY"] = "Libya", ["LB"] = "Lebanon", ["JO"] = "Jordan",
        ["SA"] = "Saudi Arabia", ["EG"] = "Egypt", ["PS"] = "Palestine", ["SD"] = "Sudan", ["SO"] = "Somalia", ["TN"] = "Tunisia",
        ["TR"] = "Turkey", ["IL"] = "Israel", ["KW"] = "Kuwait", ["BH"] = "Bahrain", ["DZ"] = "Algeria", ["MA"] = "Morocco",
    };

    public static string English(string? code) =>
        code is not null && Names.TryGetValue(code, out var n) ? n : "Unknown country";
}
