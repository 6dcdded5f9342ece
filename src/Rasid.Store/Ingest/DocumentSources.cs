using System.Buffers;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Rasid.Core;
using Rasid.Core.Input;

namespace Rasid.Store.Ingest;

/// <summary>
/// Reads documents from what users point Rasid at: a .txt file, a folder (recursively), a JSONL or JSONL.gz dump
/// (one object a line: id, published, country_hint, source, url, title, text), or an RSS/Atom feed (file or URL).
/// Bad pieces become <see cref="SourceRejection"/>s and reading goes on.
/// </summary>
public static class DocumentSources
{
    public static IEnumerable<SourceItem> Read(string input, SourceDefaults defaults, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(defaults);
        if (FeedReader.IsUrl(input))
        {
            return FeedReader.ReadUrl(input, defaults, http);
        }

        if (Directory.Exists(input))
        {
            return ReadFolder(input, defaults, http);
        }

        if (!File.Exists(input))
        {
            return [new SourceRejection(input, "E101", "file not found")];
        }

        return ReadFile(input, defaults, http);
    }

    /// <summary>
    /// How many documents an input holds, counted cheaply (files; lines of a dump), for a progress bar with an ETA.
    /// Null when it cannot be known without fetching (a URL) or reading fails.
    /// </summary>
    public static long? EstimateCount(string input)
    {
        try
        {
            if (FeedReader.IsUrl(input))
            {
                return null;
            }

            if (Directory.Exists(input))
            {
                long total = 0;
                foreach (var f in Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories).Where(f => Kind(f) != InputKind.Unknown))
                {
                    total += EstimateCount(f) ?? 1;
                }

                return total;
            }

            return Kind(input) switch
            {
                InputKind.Jsonl => CountLines(File.OpenRead(input)),
                InputKind.JsonlGz => CountLines(new GZipStream(File.OpenRead(input), CompressionMode.Decompress)),
                InputKind.Feed => null,
                _ => 1,
            };
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long CountLines(Stream stream)
    {
        using (stream)
        {
            var buffer = new byte[1 << 16];
            long lines = 0;
            int n;
            bool any = false;
            byte last = (byte)'\n';
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                any = true;
                lines += buffer.AsSpan(0, n).Count((byte)'\n');
                last = buffer[n - 1];
            }

            return any && last != (byte)'\n' ? lines + 1 : lines;
        }
    }

    private static IEnumerable<SourceItem> ReadFolder(string folder, SourceDefaults defaults, HttpClient? http)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Kind(f) != InputKind.Unknown)
            .Order(StringComparer.Ordinal);
        foreach (var f in files)
        {
            foreach (var item in ReadFile(f, defaults, http))
            {
                yield return item;
            }
        }
    }

    private enum InputKind
    {
        Unknown,
        Text,
        Jsonl,
        JsonlGz,
        Feed,
        Html,
    }

    private static InputKind Kind(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".gold.json", StringComparison.Ordinal))
        {
            return InputKind.Unknown;
        }

        return name switch
        {
            _ when name.EndsWith(".txt", StringComparison.Ordinal) => InputKind.Text,
            _ when name.EndsWith(".html", StringComparison.Ordinal) || name.EndsWith(".htm", StringComparison.Ordinal) => InputKind.Html,
            _ when name.EndsWith(".jsonl", StringComparison.Ordinal) || name.EndsWith(".ndjson", StringComparison.Ordinal) => InputKind.Jsonl,
            _ when name.EndsWith(".jsonl.gz", StringComparison.Ordinal) || name.EndsWith(".ndjson.gz", StringComparison.Ordinal) => InputKind.JsonlGz,
            _ when name.EndsWith(".rss", StringComparison.Ordinal) || name.EndsWith(".atom", StringComparison.Ordinal)
                   || name.EndsWith(".xml", StringComparison.Ordinal) => InputKind.Feed,
            _ => InputKind.Unknown,
        };
    }

    private static IEnumerable<SourceItem> ReadFile(string path, SourceDefaults defaults, HttpClient? http)
    {
        switch (Kind(path))
        {
            case InputKind.Jsonl:
                return ReadJsonl(path, () => File.OpenRead(path), defaults);
            case InputKind.JsonlGz:
                return ReadJsonl(path, () => new GzipCheckedStream(path), defaults);
            case InputKind.Feed:
                return FeedReader.ReadFile(path, defaults);
            case InputKind.Html:
                return [ReadText(path, defaults, html: true)];
            default:
                return [ReadText(path, defaults, html: false)];
        }
    }

    private static SourceItem ReadText(string path, SourceDefaults defaults, bool html)
    {
        try
        {
            string text;
            if (html)
            {
                var bytes = File.ReadAllBytes(path);
                text = HtmlText.ToText(TextDecoder.Decode(bytes, path, HtmlText.DeclaredCharset(bytes)).Text);
                if (string.IsNullOrWhiteSpace(text))
                {
                    return new SourceRejection(path, "E126", "the HTML page has no text");
                }
            }
            else
            {
                text = TextFileReader.Read(path);
            }

            var published = defaults.Published ?? DateOnly.FromDateTime(File.GetLastWriteTimeUtc(path));
            var id = Path.GetFileNameWithoutExtension(path);
            return new SourceDocument(path, new Document(id, text, published)
            {
                CountryHint = defaults.CountryHint,
                Source = defaults.Source ?? Path.GetFileName(path),
            })
            {
                DatedByDefault = true,
            };
        }
        catch (RasidException ex)
        {
            return new SourceRejection(path, ex.Code, ex.Problem);
        }
        catch (IOException ex)
        {
            return new SourceRejection(path, "E106", ex.Message);
        }
        catch (UnauthorizedAccessException ex)
        {
            return new SourceRejection(path, "E107", ex.Message);
        }
    }

    /// <summary>The most bytes one report read from a stream (stdin) may have; a text file has the same limit.</summary>
    public const long MaxStreamBytes = 256L * 1024 * 1024;

    /// <summary>
    /// One report from a stream (stdin, "-"): decoded and refused exactly as a text file is (empty, binary, undecodable,
    /// over <see cref="MaxStreamBytes"/>), named <paramref name="name"/> in errors and used as its id.
    /// </summary>
    public static SourceItem ReadStream(string name, Stream stream, SourceDefaults defaults, long maxBytes = MaxStreamBytes)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(defaults);
        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[64 * 1024];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + n > maxBytes)
                {
                    return new SourceRejection(name, "E103", $"input is over {maxBytes:N0} bytes, the limit");
                }

                buffer.Write(chunk, 0, n);
            }

            var text = TextFileReader.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), name);
            // A stream has no file date to fall back on: the caller's default, else today.
            var published = defaults.Published ?? DateOnly.FromDateTime(DateTime.UtcNow);
            return new SourceDocument(name, new Document(name, text, published)
            {
                CountryHint = defaults.CountryHint,
                Source = defaults.Source,
            })
            {
                DatedByDefault = true,
            };
        }
        catch (RasidException ex)
        {
            return new SourceRejection(name, ex.Code, ex.Problem);
        }
        catch (IOException ex)
        {
            return new SourceRejection(name, "E106", ex.Message);
        }
    }

    private static IEnumerable<SourceItem> ReadJsonl(string path, Func<Stream> open, SourceDefaults defaults)
    {
        Stream stream;
        try
        {
            stream = open();
        }
        catch (IOException ex)
        {
            return [new SourceRejection(path, "E106", ex.Message)];
        }

        return ReadJsonlLines(path, stream, defaults);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Splits the dump into lines as bytes and decodes each line alone, so a line of invalid UTF-8 is rejected by its
    /// number and the lines after it are still read. A read failure (a truncated or corrupt .gz) ends the dump with
    /// one rejection; the cut line at the damage is not a record.
    /// </summary>
    private static IEnumerable<SourceItem> ReadJsonlLines(string path, Stream stream, SourceDefaults defaults)
    {
        using (stream)
        {
            var line = new ArrayBufferWriter<byte>();
            var chunk = new byte[64 * 1024];
            int lineNo = 0;
            while (true)
            {
                int n;
                string? failure = null;
                try
                {
                    n = stream.Read(chunk, 0, chunk.Length);
                    if (n == 0 && stream is GzipCheckedStream { IsTruncated: true })
                    {
                        failure = $"compressed stream is truncated after line {lineNo}";
                    }
                }
                catch (InvalidDataException ex)
                {
                    n = 0;
                    failure = $"compressed stream is truncated or corrupt after line {lineNo} ({ex.Message})";
                }
                catch (IOException ex)
                {
                    n = 0;
                    failure = $"read failed after line {lineNo} ({ex.Message})";
                }

                if (failure is not null)
                {
                    yield return new SourceRejection(path, "E108", failure);
                    yield break;
                }

                if (n == 0)
                {
                    break;
                }

                int start = 0;
                for (int i = 0; i < n; i++)
                {
                    if (chunk[i] == (byte)'\n')
                    {
                        line.Write(chunk.AsSpan(start, i - start));
                        lineNo++;
                        if (ParseJsonlLine(path, lineNo, line.WrittenSpan, defaults) is { } item)
                        {
                            yield return item;
                        }

                        line.Clear();
                        start = i + 1;
                    }
                }

                line.Write(chunk.AsSpan(start, n - start));
            }

            if (line.WrittenCount > 0 && ParseJsonlLine(path, lineNo + 1, line.WrittenSpan, defaults) is { } last)
            {
                yield return last;
            }
        }
    }

    /// <summary>One line's bytes → a record, a rejection naming the line, or null for a blank line.</summary>
    private static SourceItem? ParseJsonlLine(string path, int lineNo, ReadOnlySpan<byte> bytes, SourceDefaults defaults)
    {
        if (lineNo == 1 && bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        if (bytes.Trim(" \t\r"u8).IsEmpty)
        {
            return null;
        }

        var input = $"{path}:{lineNo}";
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            return new SourceRejection(input, "E105", $"is not valid UTF-8 (bad byte sequence at offset {ex.Index} of the line)");
        }

        return ParseJsonlRecord(input, text, defaults);
    }

    /// <summary>One JSONL record → a document, or the reason it is refused.</summary>
    public static SourceItem ParseJsonlRecord(string input, string line, SourceDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            return new SourceRejection(input, "E110", $"not valid JSON ({ex.Message})");
        }

        using (json)
        {
            try
            {
                return FromJson(input, json.RootElement, defaults);
            }
            catch (InvalidOperationException ex)
            {
                // e.g. "\ud800" escapes an unpaired surrogate: valid JSON syntax, but no text
                return new SourceRejection(input, "E110", $"not valid JSON text ({ex.Message})");
            }
        }
    }

    private static SourceItem FromJson(string input, JsonElement root, SourceDefaults defaults)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new SourceRejection(input, "E111", "a JSONL record must be an object");
        }

        var text = Str(root, "text");
        if (string.IsNullOrWhiteSpace(text))
        {
            return new SourceRejection(input, "E112", "record has no \"text\"");
        }

        DateOnly published;
        var pub = Str(root, "published");
        if (pub is not null)
        {
            if (!TryParseDate(pub, out published))
            {
                return new SourceRejection(input, "E113", $"\"published\" is '{pub}', not a date");
            }

            if (PublicationDate.Problem(published) is { } problem)
            {
                return new SourceRejection(input, "E113", problem);
            }
        }
        else if (defaults.Published is { } d)
        {
            published = d;
        }
        else
        {
            return new SourceRejection(input, "E114", "record has no \"published\" date and none was given (--published)");
        }

        var id = Str(root, "id") ?? "doc-" + ContentHash.Of(text)[..16];
        return new SourceDocument(input, new Document(id, text, published)
        {
            CountryHint = Str(root, "country_hint") ?? defaults.CountryHint,
            Source = Str(root, "source") ?? defaults.Source,
            Url = Str(root, "url"),
            Title = Str(root, "title"),
        })
        {
            DatedByDefault = pub is null,
        };
    }

    internal static bool TryParseDate(string s, out DateOnly date)
    {
        s = s.Trim();
        if (s.Length >= 10 && DateOnly.TryParseExact(s[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out date))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var dto))
        {
            date = DateOnly.FromDateTime(dto.UtcDateTime);
            return true;
        }

        date = default;
        return false;
    }

    private static string? Str(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;
}
