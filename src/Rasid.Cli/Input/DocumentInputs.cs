using Rasid.Store.Ingest;

namespace Rasid.Cli.Input;

/// <summary>
/// The paths given to <c>rasid extract</c> as documents, read lazily through <see cref="DocumentSources"/> (the same
/// reader per format as <c>rasid ingest</c>: text, HTML, JSONL(.gz), RSS/Atom, folders), plus "-" for stdin as one
/// text. A bad input becomes a coded <see cref="SourceRejection"/> naming it; the rest goes on.
/// </summary>
internal static class DocumentInputs
{
    private static readonly string[] ManyDocumentExtensions = [".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".rss", ".atom", ".xml"];

    /// <summary>True when the path can hold more than one document (a folder, a dump or a feed), so one --id cannot name it.</summary>
    public static bool HoldsManyDocuments(string path) =>
        Directory.Exists(path) || ManyDocumentExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    public static IEnumerable<SourceItem> Read(string path, SourceDefaults defaults, Func<Stream> openStdin)
    {
        if (path == "-")
        {
            yield return FromStdin(openStdin, defaults);
            yield break;
        }

        bool any = false;
        foreach (var item in DocumentSources.Read(path, defaults))
        {
            any = true;
            yield return item;
        }

        if (!any && Directory.Exists(path))
        {
            yield return new SourceRejection(path, "E106", "folder holds no readable files (*.txt, *.html, *.jsonl, *.jsonl.gz, *.rss, *.atom, *.xml)");
        }
    }

    private static SourceItem FromStdin(Func<Stream> openStdin, SourceDefaults defaults)
    {
        using var stdin = openStdin();
        return DocumentSources.ReadStream("stdin", stdin, defaults);
    }
}
