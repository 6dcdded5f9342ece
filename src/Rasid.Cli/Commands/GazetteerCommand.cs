using System.CommandLine;
using System.Diagnostics;
using Rasid.Arabic.Text;
using Rasid.Core.Input;
using Rasid.Geo;
using Spectre.Console;

namespace Rasid.Cli.Commands;

/// <summary>
/// <c>rasid gazetteer import FILE…</c> compiles GeoNames dump files or the shared/geo WOF extracts into the runtime index;
/// <c>rasid gazetteer lookup NAME</c> lists the entries of a name; <c>rasid gazetteer places FILE</c> shows the place
/// mentions the geocoder finds in a text.
/// </summary>
internal static class GazetteerCommand
{
    public static Command Create()
    {
        var cmd = new Command("gazetteer", "Build, inspect and try the gazetteer (where Arabic place names are).");
        cmd.Subcommands.Add(Import());
        cmd.Subcommands.Add(Lookup());
        cmd.Subcommands.Add(Places());
        return cmd;
    }

    private static Command Import()
    {
        var files = new Argument<string[]>("files") { Description = "GeoNames files (XX.txt/.zip, allCountries, cities15000, admin1CodesASCII.txt, admin2Codes.txt, alternateNamesV2.txt) or shared/geo wof_places.tsv.gz / ar_name_index.tsv.gz.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--output", "-o") { Description = $"Index file to write (default: {GazetteerIndex.DefaultPath}, which rasid then uses)." };
        var replace = new Option<bool>("--replace") { Description = "The index replaces the built-in gazetteer instead of extending it." };
        var countries = new Option<string?>("--countries") { Description = "Comma-separated ISO codes to keep (default: all in the files)." };
        var cmd = new Command("import", "Compile gazetteer sources into the compact runtime index.") { files, output, replace, countries };
        cmd.SetAction(parse => CliRunner.Guard(() =>
        {
            var paths = parse.GetValue(files)!;
            var outPath = parse.GetValue(output) ?? GazetteerIndex.DefaultPath;
            var keep = parse.GetValue(countries)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var importer = new GazetteerImporter(keep);
            var ordered = paths.Select(p => (Path: p, Kind: GazetteerImporter.Detect(p))).OrderBy(x => x.Kind).ToList();
            var sw = Stopwatch.StartNew();
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    foreach (var (path, kind) in ordered)
                    {
                        var task = ctx.AddTask($"{Markup.Escape(Path.GetFileName(path))} ({kind})", maxValue: 1);
                        importer.Import(path, kind, new Progress<ImportProgress>(p =>
                        {
                            task.MaxValue = Math.Max(1, p.BytesTotal);
                            task.Value = p.BytesDone;
                        }));
                        task.Value = task.MaxValue;
                    }
                });
            var index = importer.ToIndex(extendsBuiltIn: !parse.GetValue(replace));
            index.Write(outPath);
            AnsiConsole.MarkupLine($"[green]{index.Places.Count:N0}[/] places ({index.Places.Count(p => p.NamesAr.Count > 0):N0} with Arabic names) written to [blue]{Markup.Escape(outPath)}[/] ({new FileInfo(outPath).Length / 1024.0:N0} KiB) in {sw.Elapsed.TotalSeconds:N1} s; it {(index.ExtendsBuiltIn ? "extends" : "replaces")} the built-in gazetteer.");
            return 0;
        }));
        return cmd;
    }

    private static Command Lookup()
    {
        var name = new Argument<string>("name") { Description = "A place name, Arabic in any spelling or English." };
        var index = new Option<string?>("--index") { Description = "Use this index instead of the default one." };
        var cmd = new Command("lookup", "List the gazetteer entries of a name.") { name, index };
        cmd.SetAction(parse => CliRunner.Guard(() =>
        {
            var g = Load(parse.GetValue(index));
            var found = g.Lookup(parse.GetValue(name)!);
            var table = new Table().AddColumns("id", "kind", "name", "Arabic", "country", "admin1", "lat", "lon", "population", "source");
            foreach (var p in found)
            {
                table.AddRow(Markup.Escape(p.Id), p.Kind.ToDataName(), Markup.Escape(p.NameEn), Markup.Escape(string.Join("|", p.NamesAr.Take(4))), p.CountryCode,
                    Markup.Escape(p.Admin1 ?? ""), $"{p.Latitude:0.####}", $"{p.Longitude:0.####}", p.Population.ToString("N0"), p.Source);
            }

            AnsiConsole.Write(table);
            return found.Count > 0 ? 0 : 1;
        }));
        return cmd;
    }

    private static Command Places()
    {
        var file = new Argument<string>("file") { Description = "A UTF-8 Arabic text file." };
        var country = new Option<string?>("--country") { Description = "Country hint (ISO code)." };
        var index = new Option<string?>("--index") { Description = "Use this index instead of the default one." };
        var cmd = new Command("places", "Show the place mentions found in a text, with location and precision.") { file, country, index };
        cmd.SetAction(parse => CliRunner.Guard(() =>
        {
            var finder = new PlaceFinder(Load(parse.GetValue(index)));
            var text = TextFileReader.Read(parse.GetValue(file)!);
            var mentions = finder.Find(TextAnalyzer.Analyze(text), parse.GetValue(country));
            var w = Console.Out;
            w.WriteLine("# span\ttext\tplace\tadmin1\tlat,lon\tprecision\trelation");
            foreach (var m in mentions)
            {
                w.WriteLine($"{m.EvidenceSpan}\t{m.EvidenceSpan.Slice(text).ReplaceLineEndings(" ")}\t{m.Place?.NameEn ?? "?"}{(m.IsUnknownName ? " (context)" : "")}\t{m.Place?.Admin1}\t{m.Latitude:0.###},{m.Longitude:0.###}\t{(int)m.Precision}\t{m.Relation}");
            }
            return 0;
        }));
        return cmd;
    }

    private static Gazetteer Load(string? index) => index is null ? Gazetteer.LoadDefault() : Gazetteer.Load(index);
}
