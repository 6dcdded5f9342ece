using System.Net.Http.Json;
using System.Text.Json;

namespace Rasid.Web.Tests;

/// <summary>Three small reports: two of the same air strike (they merge into one incident) and one from Yemen.</summary>
internal static class TestDocs
{
    public const string StrikeAndClash =
        "[[Air/drone strike|2017-05-01|34.45|40.92|Islamic State|5]] قصف جوي على مدينة البوكمال أدى إلى مقتل خمسة مدنيين.\n" +
        "[[Armed clash|2017-04-20|35.33|40.14|Syrian Democratic Forces|2]] اشتباكات عنيفة في ريف دير الزور الشرقي.";

    public const string SameStrike =
        "نقلت مصادر محلية أن\n[[Air/drone strike|2017-05-01|34.46|40.93|Islamic State|7]] غارة على البوكمال قتلت سبعة أشخاص.";

    public const string Yemen =
        "[[Shelling/artillery/missile attack|2015-07-19|12.78|45.03||40]] قصف على حي دار سعد في عدن أوقع أربعين قتيلا.";

    /// <summary>Submits the three and returns their document ids (a, b, c).</summary>
    public static async Task<(string A, string B, string C)> Seed(RasidFactory f) =>
        (await f.Submit(StrikeAndClash, id: "doc-a"), await f.Submit(SameStrike, id: "doc-b"), await f.Submit(Yemen, "2015-07-21", "doc-c", "YE"));

    public static async Task<JsonElement> Json(this HttpResponseMessage r)
    {
        var text = await r.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJson(this HttpClient c, string url)
    {
        var r = await c.GetAsync(url);
        Assert.True(r.IsSuccessStatusCode, $"{url}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return await r.Json();
    }

    public static Task<HttpResponseMessage> PostJson(this HttpClient c, string url, object body) => c.PostAsJsonAsync(url, body);

    public static string[] Ids(this JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("event_id").GetString()!).ToArray();
}
