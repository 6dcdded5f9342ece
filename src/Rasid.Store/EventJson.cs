using System.Text.Json;
using Rasid.Core;

namespace Rasid.Store;

/// <summary>JSON for the list-valued fields kept in one column (evidence, place candidates).</summary>
internal static class EventJson
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private sealed record EvidenceDto(int Start, int End, string Text);

    private sealed record CandidateDto(string Name, string CountryCode, string? Admin1, double Latitude, double Longitude, double Score);

    public static string Evidence(IReadOnlyList<Evidence> evidence) =>
        JsonSerializer.Serialize(evidence.Select(e => new EvidenceDto(e.Start, e.End, e.Text)).ToList(), Options);

    public static IReadOnlyList<Evidence> ParseEvidence(string? json) =>
        string.IsNullOrEmpty(json)
            ? []
            : (JsonSerializer.Deserialize<List<EvidenceDto>>(json, Options) ?? []).Select(e => new Evidence(e.Start, e.End, e.Text)).ToList();

    public static string Candidates(IReadOnlyList<PlaceCandidate> candidates) =>
        JsonSerializer.Serialize(candidates.Select(c => new CandidateDto(c.Name, c.CountryCode, c.Admin1, c.Latitude, c.Longitude, c.Score)).ToList(), Options);

    public static IReadOnlyList<PlaceCandidate> ParseCandidates(string? json) =>
        string.IsNullOrEmpty(json)
            ? []
            : (JsonSerializer.Deserialize<List<CandidateDto>>(json, Options) ?? [])
                .Select(c => new PlaceCandidate(c.Name, c.CountryCode, c.Admin1, c.Latitude, c.Longitude, c.Score)).ToList();
}
