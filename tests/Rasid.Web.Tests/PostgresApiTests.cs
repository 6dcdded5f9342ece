using System.Net;
using Rasid.Store.Tests;

namespace Rasid.Web.Tests;

/// <summary>The same API over PostgreSQL: users, review with history, merge/split, facets and timeline use one SQL for both dialects.</summary>
public sealed class PostgresApiTests
{
    [SkippableFact]
    public async Task Review_users_facets_and_timeline_work_on_postgresql()
    {
        PostgresServer.Require();
        var cs = PostgresServer.CreateDatabase();
        try
        {
            using var f = new RasidFactory(("Db", cs));
            await TestDocs.Seed(f);
            using var c = f.Client(f.AnalystKey);
            Assert.Equal(3, (await c.GetJson("/api/events")).GetProperty("total").GetInt64());
            Assert.Equal(HttpStatusCode.OK, (await c.PostJson("/api/events/doc-c-0/review", new { action = "edit", fields = new Dictionary<string, string> { ["fatalities"] = "38", ["latitude"] = "12.8" } })).StatusCode);
            Assert.Contains(f.Store.History("doc-c-0"), h => h.Field == "fatalities" && h.OldValue == "40" && h.NewValue == "38" && h.User == "analyst");
            Assert.Equal(HttpStatusCode.OK, (await c.PostJson("/api/events/doc-a-0/review", new { action = "split", mention_ids = new[] { "doc-b-0" } })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await c.PostJson("/api/events/doc-b-0/review", new { action = "merge", merge_with = "doc-a-0" })).StatusCode);
            Assert.Equal(2, f.Store.GetIncident("doc-a-0")!.SourceCount);
            var facets = await c.GetJson("/api/facets");
            Assert.Equal(2, facets.GetProperty("countries").GetArrayLength());
            Assert.Equal(3, (await c.GetJson("/api/timeline")).GetArrayLength());

            using var anonymous = f.Client();
            for (int i = 0; i < 5; i++)
            {
                await anonymous.PostJson("/api/login", new { name = "ana", password = "wrong" });
            }

            Assert.Equal((HttpStatusCode)423, (await anonymous.PostJson("/api/login", new { name = "ana", password = RasidFactory.Password })).StatusCode);
        }
        finally
        {
            PostgresServer.DropDatabase(cs);
        }
    }
}
