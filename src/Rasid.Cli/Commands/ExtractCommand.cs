using System.CommandLine;
using System.Globalization;
using Rasid.Cli.Input;
using Rasid.Core;
using Rasid.Export;
using Rasid.Store.Ingest;

namespace Rasid.Cli.Commands;

/// <summary>
/// <c>rasid extract PATH… [--published DATE] [--country ISO2] [--format json|jsonl|csv|geojson] [--id ID]</c>:
/// events from a file, a folder, a JSONL(.gz) dump, a feed or stdin ("-"), on stdout; inputs are read by
/// <see cref="DocumentSources"/>, the reader <c>rasid ingest</c> uses. A bad document gets one
/// error line on stderr naming it and the reason; the batch goes on; the exit code is 1 when anything was rejected,
/// after a summary line "N documents, M events, K rejected: …".
/// </summary>
internal static class ExtractCommand
{
    /// <summary>How many rejected inputs the summary line names before it says "and N more".</summary>
    private const int RejectedListedInSummary = 10;

    public static Command Create() => Create(CommandServices.Default);

    public static Command Create(CommandServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var paths = new Argument<string[]>("path")
        {
            Description = "A text file (UTF-8, UTF-16 with BOM, Windows-1256, ISO-8859-6), an .html page, a folder (every readable file in it, recursively), a .jsonl or .jsonl.gz dump (id, published, country_hint, source, url, title, text per line), an RSS/Atom feed (.rss, .atom, .xml), or - for stdin.",
            Arity = ArgumentArity.OneOrMore,
        };
        var published = new Option<string?>("--published")
        {
            Description = "Publication date (yyyy-mm-dd) that relative dates resolve against, for documents whose source gives none. Without it such documents are dated today (said on stderr).",
        };
        var country = new Option<string?>("--country") { Description = "ISO 3166-1 alpha-2 country the reports are mostly about, for documents whose source gives none." };
        var format = new Option<string>("--format")
        {
            Description = "json (an array), jsonl (one event a line), csv (ACLED columns; counted events only), geojson (FeatureCollection of Points).",
            DefaultValueFactory = _ => "jsonl",
        };
        var id = new Option<string?>("--id") { Description = "Document id for a single file or stdin (default: the file name without extension, or 'stdin')." };
        var cmd = new Command("extract", "Extract ACLED-compatible events from Arabic reports; events go to stdout.")
        {
            paths, published, country, format, id,
        };
        cmd.SetAction(parse =>
        {
            var err = parse.InvocationConfiguration.Error;
            var output = parse.InvocationConfiguration.Output;
            try
            {
                var request = new ExtractRequest(
                    parse.GetValue(paths) ?? [],
                    ParseDate(parse.GetValue(published)),
                    ParseCountry(parse.GetValue(country)),
                    ParseFormat(parse.GetValue(format)),
                    parse.GetValue(id));
                return Run(request, services, output, err);
            }
            catch (RasidException ex)
            {
                err.WriteLine($"rasid: error {ex.Message}");
                return 2;
            }
        });
        return cmd;
    }

    private sealed record ExtractRequest(string[] Paths, DateOnly? Published, string? Country, ExportFormat Format, string? Id);

    private static int Run(ExtractRequest request, CommandServices services, TextWriter output, TextWriter err)
    {
        if (request.Id is not null && (request.Paths.Length > 1 || DocumentInputs.HoldsManyDocuments(request.Paths[0])))
        {
            throw new RasidException("E413", "--id", "names one document; give a single file or -");
        }

        var extractor = services.Extractor();
        var writer = request.Format.CreateWriter(output, services.Time.GetUtcNow());
        int documents = 0, events = 0, notWritten = 0, datedToday = 0;
        var rejected = new List<RasidException>();
        // Documents whose input gives no date are dated --published, else today (said once on stderr).
        var defaults = new SourceDefaults(request.Published ?? services.Today, request.Country, null);
        foreach (var path in request.Paths)
        {
            foreach (var item in DocumentInputs.Read(path, defaults, services.OpenStdin))
            {
                documents++;
                if (item is SourceRejection r)
                {
                    Reject(new RasidException(r.Code, r.Input, r.Reason));
                    continue;
                }

                var read = (SourceDocument)item;
                if (read.DatedByDefault && request.Published is null && datedToday++ == 0)
                {
                    err.WriteLine($"rasid: warning: {read.Input}: no publication date (pass --published yyyy-mm-dd); relative dates resolve against today, {services.Today:yyyy-MM-dd}");
                }

                var document = request.Id is null ? read.Document : WithId(read.Document, request.Id);
                IReadOnlyList<ConflictEvent> found;
                try
                {
                    found = extractor.Extract(document);
                }
                catch (RasidException ex)
                {
                    Reject(ex);
                    continue;
                }
                catch (Exception ex)
                {
                    // a fault in extraction must not cost the rest of the batch, nor print a stack trace
                    Reject(new RasidException("E300", read.Input, $"extraction failed ({ex.GetType().Name}: {ex.Message})"));
                    continue;
                }

                foreach (var e in found)
                {
                    if (writer.Write(e))
                    {
                        events++;
                    }
                    else
                    {
                        notWritten++;
                    }
                }
            }
        }

        writer.Complete();
        if (datedToday > 1)
        {
            err.WriteLine($"rasid: warning: {datedToday} documents had no publication date and were dated {services.Today:yyyy-MM-dd}");
        }

        if (notWritten > 0)
        {
            err.WriteLine($"rasid: note: {notWritten} negated/hypothetical/speculative/future events are not in ACLED CSV (every CSV row is an event); --format jsonl shows them");
        }

        var summary = string.Create(CultureInfo.InvariantCulture, $"rasid: {documents} documents, {events} events, {rejected.Count} rejected");
        if (rejected.Count > 0)
        {
            var listed = rejected.Take(RejectedListedInSummary).Select(r => $"{r.Input} ({r.Code} {r.Problem})");
            var more = rejected.Count > RejectedListedInSummary ? $"; and {rejected.Count - RejectedListedInSummary} more" : string.Empty;
            summary += ": " + string.Join("; ", listed) + more;
        }

        err.WriteLine(summary);
        return rejected.Count > 0 ? 1 : 0;

        void Reject(RasidException error)
        {
            rejected.Add(error);
            err.WriteLine($"rasid: error {error.Message}");
        }
    }

    private static Document WithId(Document d, string id) => new(id, d.Text, d.Published)
    {
        CountryHint = d.CountryHint,
        Source = d.Source,
        Url = d.Url,
        Title = d.Title,
    };

    private static DateOnly? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new RasidException("E414", "--published", $"'{text}' is not a yyyy-mm-dd date");
    }

    private static string? ParseCountry(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var c = text.Trim();
        return c.Length == 2 && char.IsAsciiLetter(c[0]) && char.IsAsciiLetter(c[1])
            ? c.ToUpperInvariant()
            : throw new RasidException("E415", "--country", $"'{text}' is not an ISO 3166-1 alpha-2 code (e.g. SY, IQ, YE, LY)");
    }

    private static ExportFormat ParseFormat(string? text) =>
        ExportFormats.TryParse(text, out var f)
            ? f
            : throw new RasidException("E416", "--format", $"'{text}' is not one of json, jsonl, csv, geojson");
}
