using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Rasid.Core;
using Rasid.Core.Input;

namespace Rasid.Cli.Input;

/// <summary>
/// One input document as read, before defaults are applied: its id, text, and what the source said of it. Either
/// <see cref="Text"/> is set or <see cref="Error"/> says why the input was rejected.
/// </summary>
internal sealed record DocumentInput
{
    /// <summary>Names the input in messages: a path, "stdin", or "dump.jsonl:17".</summary>
    public required string InputName { get; init; }

    public string? Id { get; init; }

    public string? Text { get; init; }

    public DateOnly? Published { get; init; }

    public string? CountryHint { get; init; }

    public string? Source { get; init; }

    public string? Url { get; init; }

    public string? Title { get; init; }

    public RasidException? Error { get; init; }

    public static DocumentInput Rejected(RasidException error) => new() { InputName = error.Input, Error = error };
}

/// <summary>
/// Turns the paths given to <c>rasid extract</c> into documents, one at a time and lazily, so a dump of any size
/// streams: a text file is one document; a folder gives every <c>*.txt</c> in it (ordinal order); a <c>.jsonl</c> or
/// <c>.jsonl.gz</c> dump gives one document per line (fields id, published, country_hint, source, url, title, text);
/// "-" reads stdin as one text. A bad input becomes a rejected <see cref="DocumentInput"/>; the rest goes on.
/// </summary>
internal static class DocumentInputs
{
    public static bool IsDump(string path) =>
        path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<DocumentInput> Read(string path, Func<Stream> openStdin)
    {
        if (path == "-")
        {
            yield return FromStdin(openStdin);
            yield break;
        }

        if (Directory.Exists(path))
        {
            var files = Directory.GetFiles(path, "*.txt");
            Array.Sort(files, StringComparer.Ordinal);
            if (files.Length == 0)
            {
                yield return DocumentInput.Rejected(new RasidException("E106", path, "folder holds no *.txt files"));
            }

            foreach (var f in files)
            {
                yield return FromTextFile(f);
            }

            yield break;
        }

        if (IsDump(path) && File.Exists(path))
        {
            foreach (var d in FromDump(path))
            {
                yield return d;
            }

            yield break;
        }

        yield return FromTextFile(path);
    }

    private static DocumentInput FromStdin(Func<Stream> openStdin)
    {
        try
        {
            using var stdin = openStdin();
            using var buffer = new MemoryStream();
            stdin.CopyTo(buffer);
            return new DocumentInput { InputName = "stdin", Text = TextFileReader.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), "stdin") };
        }
        catch (RasidException ex)
        {
            return DocumentInput.Rejected(ex);
        }
    }

    private static DocumentInput FromTextFile(string path)
    {
        try
        {
            return new DocumentInput { InputName = path, Id = Path.GetFileNameWithoutExtension(path), Text = TextFileReader.Read(path) };
        }
        catch (RasidException ex)
        {
            return DocumentInput.Rejected(ex);
        }
        catch (IOException ex)
        {
            return DocumentInput.Rejected(new RasidException("E107", path, $"cannot be read: {ex.Message}"));
        }
        catch (UnauthorizedAccessException ex)
        {
            return DocumentInput.Rejected(new RasidException("E107", path, $"cannot be read: {ex.Message}"));
        }
    }

    private static IEnumerable<DocumentInput> FromDump(string path)
    {
        Stream stream;
        try
        {
            stream = File.OpenRead(path);
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                stream = new GZipStream(stream, CompressionMode.Decompress);
            }
        }
        catch (IOException ex)
        {
            return [DocumentInput.Rejected(new RasidException("E107", path, $"cannot be read: {ex.Message}"))];
        }

        return Lines(stream, path);
    }

    private static IEnumerable<DocumentInput> Lines(Stream stream, string path)
    {
        using (stream)
        {
            int lineNumber = 0;
            var line = new ArrayBufferWriter<byte>();
            var chunk = new byte[64 * 1024];
            bool finished = false;
            while (!finished)
            {
                int n;
                RasidException? readError = null;
                try
                {
                    n = stream.Read(chunk, 0, chunk.Length);
                }
                catch (Exception ex) when (ex is IOException or InvalidDataException)
                {
                    // e.g. a truncated .gz: everything before the damage has been processed
                    readError = new RasidException("E107", $"{path}:{lineNumber + 1}", $"the dump cannot be read further: {ex.Message}");
                    n = 0;
                }

                if (readError is not null)
                {
                    yield return DocumentInput.Rejected(readError);
                    yield break;
                }

                finished = n == 0;
                int start = 0;
                for (int i = 0; i < n; i++)
                {
                    if (chunk[i] == (byte)'\n')
                    {
                        line.Write(chunk.AsSpan(start, i - start));
                        lineNumber++;
                        if (ParseLine(line.WrittenSpan, path, lineNumber) is { } doc)
                        {
                            yield return doc;
                        }

                        line.Clear();
                        start = i + 1;
                    }
                }

                line.Write(chunk.AsSpan(start, n - start));
            }

            if (line.WrittenCount > 0)
            {
                lineNumber++;
                if (ParseLine(line.WrittenSpan, path, lineNumber) is { } doc)
                {
                    yield return doc;
                }
            }
        }
    }

    /// <summary>One dump line → a document, or a rejection naming the line; null for a blank line.</summary>
    internal static DocumentInput? ParseLine(ReadOnlySpan<byte> bytes, string path, int lineNumber)
    {
        var name = $"{path}:{lineNumber}";
        if (bytes.Trim(" \t\r"u8).IsEmpty)
        {
            return null;
        }

        try
        {
            var json = TextFileReader.Decode(bytes, name);
            using var doc = JsonDocument.Parse(json);
            var o = doc.RootElement;
            if (o.ValueKind != JsonValueKind.Object)
            {
                throw new RasidException("E108", name, "is not a JSON object");
            }

            var text = Str(o, "text");
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new RasidException("E102", name, "has no \"text\" (or it is empty)");
            }

            DateOnly? published = null;
            if (Str(o, "published") is { Length: > 0 } p)
            {
                published = DateOnly.TryParseExact(p.Length > 10 ? p[..10] : p, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d
                    : throw new RasidException("E109", name, $"\"published\" is '{p}', not a yyyy-mm-dd date");
            }

            return new DocumentInput
            {
                InputName = name,
                Id = Str(o, "id") ?? $"{Path.GetFileName(path)}:{lineNumber}",
                Text = text,
                Published = published,
                CountryHint = Str(o, "country_hint"),
                Source = Str(o, "source"),
                Url = Str(o, "url"),
                Title = Str(o, "title"),
            };
        }
        catch (RasidException ex)
        {
            return DocumentInput.Rejected(ex);
        }
        catch (JsonException ex)
        {
            return DocumentInput.Rejected(new RasidException("E108", name, $"is not valid JSON ({ex.Message})"));
        }
    }

    private static string? Str(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
