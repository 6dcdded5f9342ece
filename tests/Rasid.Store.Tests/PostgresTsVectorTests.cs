using System.IO.Compression;
using System.Text.Json;
using Npgsql;
using Rasid.Store.Postgres;
using Rasid.Tests;

namespace Rasid.Store.Tests;

/// <summary>
/// The writer's full-text vector (<see cref="TsVectorLiteral"/>) is the vector PostgreSQL's own to_tsvector('simple', …)
/// computes for the same index body — same lexemes, same positions — so moving the work out of the database changes
/// no search result and no ranking.
/// </summary>
public sealed class PostgresTsVectorTests
{
    [SkippableTheory]
    [InlineData("رقه بالرقه رقه الرقه")]
    [InlineData("al-qaeda al qaeda a-b-c")]
    [InlineData("o'neil syria's don't")]
    [InlineData("1,200 3.5 1.200.000 12.5.2015 1,200.5 192.168.1.1 007.5")]
    [InlineData("f16 10km km10 2015 abc123 123abc 0x12 1e5 5e3")]
    [InlineData("عربيabc abc1عربي ءامن")]
    [InlineData("  double  spaces  ")]
    [InlineData("")]
    public void Worker_vector_equals_the_servers_for_words_it_knows(string body)
    {
        var literal = TsVectorLiteral.FromBody(body);
        Assert.NotNull(literal);
        Assert.True(SameAsServer(literal, body), $"'{literal}' differs from to_tsvector of '{body}'");
    }

    [SkippableFact]
    public void Positions_are_capped_as_the_server_caps_them()
    {
        // At most 255 positions per lexeme; positions past 16383 become 16383.
        var body = string.Concat(Enumerable.Repeat("ب ", 300)) + string.Concat(Enumerable.Repeat("ت ", 16_200)) + "ث ث ج";
        var literal = TsVectorLiteral.FromBody(body)!;
        Assert.True(SameAsServer(literal, body));
    }

    [Theory]
    [InlineData("http://example.com/a")]
    [InlineData("5e3a")]
    [InlineData("Capital")]
    [InlineData("שלום")]
    [InlineData("f-16")]
    [InlineData("a--b")]
    public void Words_only_the_servers_parser_knows_leave_the_body_to_the_server(string word)
    {
        Assert.Null(TsVectorLiteral.FromBody("قصف " + word + " حلب"));
    }

    [SkippableFact]
    public void Worker_vector_equals_the_servers_on_real_articles()
    {
        var dump = SharedData.Require("corpus", "bulk", "saudinewsnet-2015.jsonl.gz");
        PostgresServer.Require();
        int computed = 0, total = 0;
        using var c = new NpgsqlConnection(PostgresServer.AdminConnectionString);
        c.Open();
        foreach (var text in Articles(dump).Take(300))
        {
            var body = SearchTerms.IndexBody(text);
            var literal = TsVectorLiteral.FromBody(body);
            total++;
            if (literal is null)
            {
                continue;
            }

            computed++;
            using var cmd = new NpgsqlCommand("SELECT @v::tsvector = to_tsvector('simple', @b)", c);
            cmd.Parameters.AddWithValue("v", literal);
            cmd.Parameters.AddWithValue("b", body);
            Assert.True((bool)cmd.ExecuteScalar()!, $"differs for article {total}");
        }

        // Most articles must not need the server's parser, or the work did not move.
        Assert.True(computed >= total * 0.9, $"only {computed} of {total} articles had a worker-computed vector");
    }

    private static bool SameAsServer(string literal, string body)
    {
        PostgresServer.Require();
        using var c = new NpgsqlConnection(PostgresServer.AdminConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand("SELECT @v::tsvector = to_tsvector('simple', @b)", c);
        cmd.Parameters.AddWithValue("v", literal);
        cmd.Parameters.AddWithValue("b", body);
        return (bool)cmd.ExecuteScalar()!;
    }

    private static IEnumerable<string> Articles(string path)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        while (reader.ReadLine() is { } line)
        {
            using var json = JsonDocument.Parse(line);
            if (json.RootElement.TryGetProperty("text", out var t) && t.GetString() is { Length: > 0 } text)
            {
                yield return text;
            }
        }
    }
}
