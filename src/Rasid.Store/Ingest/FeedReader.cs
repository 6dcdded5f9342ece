using System.ServiceModel.Syndication;
using System.Xml;
using Rasid.Core;

namespace Rasid.Store.Ingest;

/// <summary>
/// Reads RSS 2.0 and Atom 1.0 feeds into documents (title + summary/content as text). DTDs are refused outright, so
/// external entities (XXE) and entity expansion ("billion laughs") never run.
/// </summary>
public static class FeedReader
{
    /// <summary>Feeds larger than this are refused.</summary>
    public const long MaxFeedChars = 64L * 1024 * 1024;

    public static bool IsUrl(string input) =>
        input.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || input.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<SourceItem> ReadFile(string path, SourceDefaults defaults)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Parse(path, stream, defaults);
        }
        catch (IOException ex)
        {
            return [new SourceRejection(path, "E106", ex.Message)];
        }
    }

    public static IEnumerable<SourceItem> ReadUrl(string url, SourceDefaults defaults, HttpClient? http)
    {
        var client = http ?? SharedClient.Value;
        try
        {
            using var response = client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult();
            if (!response.IsSuccessStatusCode)
            {
                return [new SourceRejection(url, "E120", $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}")];
            }

            using var stream = response.Content.ReadAsStream();
            return Parse(url, stream, defaults);
        }
        catch (HttpRequestException ex)
        {
            return [new SourceRejection(url, "E121", $"could not fetch the feed ({ex.Message})")];
        }
        catch (TaskCanceledException)
        {
            return [new SourceRejection(url, "E122", "timed out fetching the feed")];
        }
    }

    private static readonly Lazy<HttpClient> SharedClient = new(() => new HttpClient { Timeout = TimeSpan.FromSeconds(30) });

    /// <summary>Parses a feed; the whole feed is read before documents are returned, so a broken feed yields one rejection.</summary>
    public static IReadOnlyList<SourceItem> Parse(string input, Stream stream, SourceDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxFeedChars,
            MaxCharactersFromEntities = 1024,
            IgnoreProcessingInstructions = true,
        };
        SyndicationFeed feed;
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            feed = SyndicationFeed.Load(reader);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            return [new SourceRejection(input, "E123", "feed declares a DTD; DTDs are refused (external entities and entity expansion are not allowed)")];
        }
        catch (XmlException ex)
        {
            return [new SourceRejection(input, "E124", $"not a well-formed RSS/Atom feed ({ex.Message})")];
        }
        catch (Exception ex) when (ex is NotSupportedException or FormatException or ArgumentException or InvalidOperationException)
        {
            // well-formed XML the syndication reader refuses: an unknown RSS version, a bad date, URI or content type
            return [new SourceRejection(input, "E124", $"not a readable RSS/Atom feed ({ex.Message})")];
        }

        var items = new List<SourceItem>();
        int n = 0;
        foreach (var item in feed.Items)
        {
            n++;
            var where = $"{input}#item{n}";
            var title = item.Title?.Text?.Trim();
            var body = item.Content switch
            {
                TextSyndicationContent t => t.Text,
                _ => item.Summary?.Text,
            };
            var text = string.Join("\n\n", new[] { title, HtmlToText(body) }.Where(s => !string.IsNullOrWhiteSpace(s)));
            if (string.IsNullOrWhiteSpace(text))
            {
                items.Add(new SourceRejection(where, "E125", "feed item has neither title nor text"));
                continue;
            }

            DateTimeOffset date;
            try
            {
                date = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime;
            }
            catch (XmlException ex)
            {
                // the syndication reader parses dates when they are first read
                items.Add(new SourceRejection(where, "E127", $"feed item's date cannot be read ({ex.Message})"));
                continue;
            }

            DateOnly published;
            if (date != default && PublicationDate.Problem(DateOnly.FromDateTime(date.UtcDateTime)) is { } problem)
            {
                items.Add(new SourceRejection(where, "E127", problem));
                continue;
            }

            if (date != default)
            {
                published = DateOnly.FromDateTime(date.UtcDateTime);
            }
            else if (defaults.Published is { } d)
            {
                published = d;
            }
            else
            {
                items.Add(new SourceRejection(where, "E114", "feed item has no date and none was given (--published)"));
                continue;
            }

            var link = item.Links.FirstOrDefault()?.Uri?.ToString();
            var id = !string.IsNullOrWhiteSpace(item.Id) ? item.Id : link ?? "feed-" + ContentHash.Of(text)[..16];
            items.Add(new SourceDocument(where, new Document(id, text, published)
            {
                CountryHint = defaults.CountryHint,
                Source = defaults.Source ?? feed.Title?.Text,
                Url = link,
                Title = title,
            })
            {
                DatedByDefault = date == default,
            });
        }

        return items;
    }

    /// <summary>Feed bodies are HTML fragments: their text, with block structure kept as lines.</summary>
    internal static string HtmlToText(string? html) => string.IsNullOrEmpty(html) ? string.Empty : HtmlText.ToText(html);
}
