using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Rasid.Core;
using Rasid.Store;
using Rasid.Web.Hosting;
using Rasid.Web.Security;

namespace Rasid.Web.Api;

/// <summary>/api/documents: one document with its text and extracted spans; submit a document (extract + store). /api/extract: extract only.</summary>
internal static class DocumentsApi
{
    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder routes)
    {
        var docs = routes.MapGroup("/api/documents").WithTags("Documents");
        docs.MapGet("/{id}", Get).RequireAuthorization(Policies.Read);
        docs.MapPost("/", Post).RequireAuthorization(Policies.Analyst).RequireRateLimiting(Policies.WriteLimit);
        routes.MapPost("/api/extract", Extract).WithTags("Documents").RequireAuthorization(Policies.Read)
            .RequireRateLimiting(Policies.WriteLimit).WithMetadata(new SkipCsrf());
        return routes;
    }

    public static Results<Ok<DocumentDto>, ProblemHttpResult> Get(string id, IEventStore store)
    {
        var stored = store.GetDocument(id);
        if (stored is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"no document with id '{id}'");
        }

        var events = MentionsOf(store, id);
        var doc = stored.Document;
        var spans = events.SelectMany(e => e.Evidence.Select(v => new SpanDto(v.Start, v.End, e.EventId, "evidence")))
            .OrderBy(s => s.Start).ThenBy(s => s.End).ToList();
        return TypedResults.Ok(new DocumentDto(doc.Id, doc.Title, doc.Url, doc.Source, EventDto.Date(doc.Published), doc.CountryHint, doc.Text,
            stored.Status, stored.Error, events, spans));
    }

    /// <summary>The events extracted from one document (its mentions, with their evidence in this document's text).</summary>
    private static List<EventDto> MentionsOf(IEventStore store, string documentId) =>
        store.Query(new EventQuery { DocumentId = documentId, IncludeUncounted = true, Limit = 10_000, OrderBy = "date_asc" })
            .SelectMany(i => store.GetMentions(i.Event.EventId).Where(m => m.DocumentId == documentId).Select(m => EventDto.FromMention(m, i.Event.EventId)))
            .OrderBy(e => e.Evidence.Count == 0 ? int.MaxValue : e.Evidence[0].Start)
            .ToList();

    public static Results<Created<DocumentCreated>, Ok<DocumentCreated>, ValidationProblem> Post(
        DocumentRequest body, IEventStore store, IEventExtractor extractor, IngestTracker tracker, IOptions<WebOptions> options)
    {
        var (doc, errors) = Validate(body, options.Value, requireId: true);
        if (doc is null)
        {
            return EventsApi.Invalid(errors);
        }

        tracker.Started();
        bool stored = false, skipped = false, failed = false;
        int count = 0;
        try
        {
            IReadOnlyList<ConflictEvent> events;
            string? error = null;
            try
            {
                events = extractor.Extract(doc);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // As in ingest: the document is kept (status failed) so nothing is lost.
                events = [];
                error = $"extraction failed: {ex.GetType().Name}: {ex.Message}";
                failed = true;
            }

            var write = store.Write([new ExtractedDocument(doc, events) { Error = error }]);
            stored = write.DocumentsAdded > 0;
            skipped = write.DocumentsSkipped > 0;
            var id = StoredIdOf(store, doc);
            var mentions = id is null ? [] : MentionsOf(store, id);
            count = mentions.Count;
            var answer = new DocumentCreated(id ?? doc.Id, skipped, mentions);
            return stored ? TypedResults.Created($"/api/documents/{Uri.EscapeDataString(answer.DocumentId)}", answer) : TypedResults.Ok(answer);
        }
        finally
        {
            tracker.Finished(stored, skipped, failed, count);
        }
    }

    /// <summary>The id the store keeps the document under (it appends the content hash when the id was taken by another text).</summary>
    private static string? StoredIdOf(IEventStore store, Document doc)
    {
        var hash = ContentHash.Of(doc.Text);
        foreach (var candidate in new[] { doc.Id, $"{doc.Id}~{hash[..12]}" })
        {
            if (store.GetDocument(candidate) is { } d && d.ContentHash == hash)
            {
                return candidate;
            }
        }

        return null;
    }

    public static Results<Ok<ExtractResult>, ValidationProblem> Extract(DocumentRequest body, IEventExtractor extractor, IOptions<WebOptions> options)
    {
        var (doc, errors) = Validate(body, options.Value, requireId: false);
        if (doc is null)
        {
            return EventsApi.Invalid(errors);
        }

        return TypedResults.Ok(new ExtractResult(extractor.Extract(doc).Select(e => EventDto.FromMention(e, null)).ToList()));
    }

    internal static (Document? Document, Dictionary<string, string[]> Errors) Validate(DocumentRequest body, WebOptions options, bool requireId)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(body.Text))
        {
            errors["text"] = ["is required: the report's text"];
        }
        else if (body.Text.Length > options.MaxTextChars)
        {
            errors["text"] = [$"is {body.Text.Length:N0} characters; the limit is {options.MaxTextChars:N0}"];
        }
        else if (body.Text.Contains('\0', StringComparison.Ordinal))
        {
            errors["text"] = ["contains NUL characters (binary data?)"];
        }

        DateOnly published = default;
        if (string.IsNullOrWhiteSpace(body.Published))
        {
            errors["published"] = ["is required: the publication date (yyyy-mm-dd) that relative dates resolve against"];
        }
        else if (!DateOnly.TryParseExact(body.Published.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out published))
        {
            errors["published"] = [$"'{body.Published}' is not a date (yyyy-mm-dd)"];
        }
        else if (PublicationDate.Problem(published) is { } problem)
        {
            errors["published"] = [problem];
        }

        var country = body.CountryHint?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(country) && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
        {
            errors["country_hint"] = [$"'{body.CountryHint}' is not an ISO 3166-1 alpha-2 code (e.g. SY)"];
        }

        if (body.Url is { Length: > 0 } url && (!Uri.TryCreate(url, UriKind.Absolute, out var u) || (u.Scheme != "http" && u.Scheme != "https") || url.Length > 2000))
        {
            errors["url"] = [$"'{url}' is not an http(s) URL"];
        }

        foreach (var (name, value) in new[] { ("title", body.Title), ("source", body.Source), ("id", body.Id) })
        {
            if (value is { Length: > 500 })
            {
                errors[name] = ["is longer than 500 characters"];
            }
        }

        if (body.Id is { Length: > 0 } id && id.Any(c => char.IsControl(c) || c == '~'))
        {
            errors["id"] = ["must not contain control characters or '~'"];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var docId = string.IsNullOrWhiteSpace(body.Id) ? (requireId ? "web-" + ContentHash.Of(body.Text!)[..16] : "extract") : body.Id.Trim();
        return (new Document(docId, body.Text!, published)
        {
            CountryHint = string.IsNullOrEmpty(country) ? null : country,
            Title = string.IsNullOrWhiteSpace(body.Title) ? null : body.Title.Trim(),
            Url = string.IsNullOrWhiteSpace(body.Url) ? null : body.Url.Trim(),
            Source = string.IsNullOrWhiteSpace(body.Source) ? null : body.Source.Trim(),
        }, errors);
    }
}
