using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rasid.Core;
using Rasid.Store;
using Rasid.Web.Hosting;
using Rasid.Web.Security;

namespace Rasid.Web.Api;

/// <summary>/api/events: list and filter, one event with its sources and evidence, review actions and history; /api/timeline and /api/facets.</summary>
internal static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder routes)
    {
        var events = routes.MapGroup("/api/events").WithTags("Events");
        events.MapGet("/", List).RequireAuthorization(Policies.Read);
        events.MapGet("/{id}", Get).RequireAuthorization(Policies.Read);
        events.MapGet("/{id}/history", History).RequireAuthorization(Policies.Read);
        events.MapPost("/{id}/review", Review).RequireAuthorization(Policies.Analyst).RequireRateLimiting(Policies.WriteLimit);

        routes.MapGet("/api/timeline", Timeline).WithTags("Events").RequireAuthorization(Policies.Read);
        routes.MapGet("/api/facets", Facets).WithTags("Events").RequireAuthorization(Policies.Read);
        return routes;
    }

    internal static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value[0]}")), title: "Invalid request");

    /// <summary>
    /// One page of incidents. fields=summary sends only what the dashboard's map and table show (about a fifth of the
    /// bytes of a full event: no evidence, notes or place candidates); the event detail fetches the rest.
    /// </summary>
    public static Results<Ok<EventPage>, Ok<EventSummaryPage>, ValidationProblem> List(HttpRequest request, IEventStore store)
    {
        var (query, errors) = EventFilters.Parse(request.Query);
        var fields = request.Query["fields"].ToString();
        if (fields is not ("" or "all" or "summary"))
        {
            errors["fields"] = [$"'{fields}' is not a field set (all, summary)"];
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var incidents = store.Query(query);
        var total = store.Count(query);
        var next = EventCursor.Next(incidents, query);
        return fields == "summary"
            ? TypedResults.Ok(new EventSummaryPage(total, query.Limit, query.Offset, incidents.Select(EventSummaryDto.From).ToList(), next))
            : TypedResults.Ok(new EventPage(total, query.Limit, query.Offset, incidents.Select(EventDto.From).ToList(), next));
    }

    public static Results<Ok<EventDetail>, ProblemHttpResult> Get(string id, IEventStore store)
    {
        var incident = store.GetIncident(id);
        if (incident is null)
        {
            return NotFound(id);
        }

        var mentions = store.GetMentions(id);
        var sources = incident.DocumentIds.Select(store.GetDocument).OfType<StoredDocument>()
            .Select(d => new SourceDto(d.Document.Id, d.Document.Title, d.Document.Url, EventDto.Date(d.Document.Published), d.Document.Source))
            .ToList();
        return TypedResults.Ok(new EventDetail(EventDto.From(incident), mentions.Select(m => EventDto.FromMention(m, id)).ToList(), sources,
            store.History(id).Select(HistoryDto.From).ToList()));
    }

    public static Results<Ok<IReadOnlyList<HistoryDto>>, ProblemHttpResult> History(string id, IEventStore store)
    {
        var history = store.History(id);
        if (history.Count == 0 && store.GetIncident(id) is null)
        {
            return NotFound(id);
        }

        return TypedResults.Ok<IReadOnlyList<HistoryDto>>(history.Select(HistoryDto.From).ToList());
    }

    public static Results<Ok<ReviewAnswer>, ValidationProblem, ProblemHttpResult> Review(string id, ReviewBody body, ClaimsPrincipal user, IEventStore store)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        ReviewAction action = default;
        if (body.Action is null || !Enum.TryParse(body.Action, ignoreCase: true, out action) || !Enum.IsDefined(action) || int.TryParse(body.Action, out _))
        {
            errors["action"] = [$"'{body.Action}' is not a review action (accept, reject, edit, merge, split)"];
        }

        var fields = body.Fields ?? [];
        if (action == ReviewAction.Edit)
        {
            foreach (var (field, problem) in ReviewFields.Validate(fields))
            {
                errors["fields." + field] = [problem];
            }

            if (fields.Count == 0)
            {
                errors["fields"] = ["an edit needs at least one field"];
            }
        }

        if (action == ReviewAction.Merge && string.IsNullOrWhiteSpace(body.MergeWith))
        {
            errors["merge_with"] = ["a merge needs the id of the other event"];
        }

        if (action == ReviewAction.Split && (body.MentionIds is null || body.MentionIds.Count == 0))
        {
            errors["mention_ids"] = ["a split needs the ids of the mentions that form the new event"];
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        try
        {
            var result = store.Review(new ReviewRequest(id, user.Identity!.Name!, action)
            {
                Fields = fields,
                MergeWith = body.MergeWith,
                MentionIds = body.MentionIds ?? [],
            });
            return TypedResults.Ok(new ReviewAnswer(EventDto.From(result.Incident), result.SplitOff is null ? null : EventDto.From(result.SplitOff),
                result.Entries.Select(HistoryDto.From).ToList()));
        }
        catch (RasidException ex)
        {
            return (ProblemHttpResult)ErrorHandling.FromRasid(ex);
        }
    }

    public static Results<Ok<List<TimelineDto>>, ValidationProblem> Timeline(HttpRequest request, IEventStore store)
    {
        var (query, errors) = EventFilters.Parse(request.Query);
        return errors.Count > 0
            ? Invalid(errors)
            : TypedResults.Ok(store.Timeline(query).Select(d => new TimelineDto(EventDto.Date(d.Date), d.Events, d.Fatalities)).ToList());
    }

    public static Results<Ok<FacetsDto>, ValidationProblem> Facets(HttpRequest request, IEventStore store)
    {
        var (query, errors) = EventFilters.Parse(request.Query);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var f = store.Facets(query, top: Math.Clamp(query.Limit == 100 ? 50 : query.Limit, 1, 200));
        static List<FacetDto> Map(IReadOnlyList<FacetCount> list) => list.Select(c => new FacetDto(c.Name, c.Count, c.Code)).ToList();
        return TypedResults.Ok(new FacetsDto(Map(f.Countries), Map(f.Admin1), Map(f.EventTypes), Map(f.SubEventTypes), Map(f.Actors)));
    }

    internal static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"no event with id '{id}'");
}
