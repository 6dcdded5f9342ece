using System.CommandLine;
using System.Globalization;
using Rasid.Core;
using Rasid.Store;
using Rasid.Store.Postgres;
using Rasid.Store.Sqlite;

namespace Rasid.Cli;

/// <summary>Options shared by the commands that work on a store (ingest, query, export, serve).</summary>
internal static class StoreOptions
{
    public static Option<string> Db() => new("--db")
    {
        Description = "The store: a SQLite file (default rasid.db in the current folder) or postgres://user:password@host:port/database.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("RASID_DB") ?? "rasid.db",
    };

    public static IEventStore Open(string db) =>
        PostgresEventStore.IsPostgres(db) ? PostgresEventStore.Open(db) : SqliteEventStore.Open(db);

    /// <summary>The filters of <c>rasid query</c> and <c>rasid export</c>.</summary>
    internal sealed class Filters
    {
        public Option<DateOnly?> From { get; } = new("--from") { Description = "Events on or after this date (yyyy-mm-dd)." };

        public Option<DateOnly?> To { get; } = new("--to") { Description = "Events on or before this date (yyyy-mm-dd)." };

        public Option<string?> Country { get; } = new("--country") { Description = "ISO2 code or country name." };

        public Option<string?> Admin1 { get; } = new("--admin1") { Description = "Governorate / province (admin1) name." };

        public Option<string?> Type { get; } = new("--type") { Description = "ACLED event type, e.g. \"Battles\"." };

        public Option<string?> SubType { get; } = new("--sub-type") { Description = "ACLED sub-event type, e.g. \"Air/drone strike\"." };

        public Option<string?> Actor { get; } = new("--actor") { Description = "Actor name (substring, any actor column)." };

        public Option<string?> Text { get; } = new("--text") { Description = "Full-text search in evidence and documents (Arabic normalized)." };

        public Option<string?> BBox { get; } = new("--bbox") { Description = "min_lon,min_lat,max_lon,max_lat." };

        public Option<string?> Modality { get; } = new("--modality") { Description = "Only this modality (asserted, reported, claimed, negated, hypothetical, speculative, future); default: the counted ones." };

        public Option<bool> All { get; } = new("--all-modalities") { Description = "Include negated/hypothetical/speculative/future events." };

        public void AddTo(Command cmd)
        {
            foreach (var o in new Option[] { From, To, Country, Admin1, Type, SubType, Actor, Text, BBox, Modality, All })
            {
                cmd.Options.Add(o);
            }
        }

        public EventQuery Read(ParseResult p, int limit, int offset = 0)
        {
            Modality? modality = null;
            var m = p.GetValue(Modality);
            if (m is not null)
            {
                if (!ModalityExtensions.TryParse(m, out var parsed))
                {
                    throw new RasidException("E400", "--modality", $"'{m}' is not a modality");
                }

                modality = parsed;
            }

            var type = p.GetValue(Type);
            if (type is not null && !AcledTaxonomy.TryParseEventType(type, out _))
            {
                throw new RasidException("E401", "--type", $"'{type}' is not an ACLED event type ({string.Join(", ", AcledTaxonomy.EventTypes.Select(t => t.Name()))})");
            }

            var sub = p.GetValue(SubType);
            if (sub is not null && !AcledTaxonomy.TryParseSubEventType(sub, out _))
            {
                throw new RasidException("E402", "--sub-type", $"'{sub}' is not an ACLED sub-event type");
            }

            return new EventQuery
            {
                From = p.GetValue(From),
                To = p.GetValue(To),
                Country = p.GetValue(Country),
                Admin1 = p.GetValue(Admin1),
                EventType = type,
                SubEventType = sub,
                Actor = p.GetValue(Actor),
                Text = p.GetValue(Text),
                BoundingBox = ParseBBox(p.GetValue(BBox)),
                Modality = modality,
                IncludeUncounted = p.GetValue(All),
                Limit = limit,
                Offset = offset,
            };
        }

        private static (double, double, double, double)? ParseBBox(string? s)
        {
            if (s is null)
            {
                return null;
            }

            var parts = s.Split(',');
            var nums = parts.Select(x => double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN).ToArray();
            if (nums.Length != 4 || nums.Any(double.IsNaN) || nums[0] > nums[2] || nums[1] > nums[3])
            {
                throw new RasidException("E403", "--bbox", $"'{s}' is not min_lon,min_lat,max_lon,max_lat");
            }

            return (nums[0], nums[1], nums[2], nums[3]);
        }
    }
}
