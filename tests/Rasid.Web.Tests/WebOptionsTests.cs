using Microsoft.Extensions.Configuration;

namespace Rasid.Web.Tests;

/// <summary>Options given in code (rasid serve) and configuration (Rasid__Name in the environment) meet without hiding each other.</summary>
public sealed class WebOptionsTests
{
    private static WebOptions Bound(WebOptions inCode, params (string Key, string Value)[] environment)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value)))
            .AddInMemoryCollection(inCode.ToConfiguration())
            .Build();
        return config.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
    }

    [Fact]
    public void A_limit_left_at_its_default_in_code_can_be_set_by_configuration()
    {
        var o = Bound(new WebOptions { Db = "x.db" }, ("Rasid:MaxBodyBytes", "1048576"), ("Rasid:WritePermitsPerMinute", "30"));
        Assert.Equal(("x.db", 1048576L, 30), (o.Db, o.MaxBodyBytes, o.WritePermitsPerMinute));
    }

    [Fact]
    public void A_setting_given_in_code_wins_over_configuration()
    {
        var o = Bound(new WebOptions { Db = "x.db", ReadKeyed = true, MaxTextChars = 1000 }, ("Rasid:Db", "other.db"), ("Rasid:MaxTextChars", "5"));
        Assert.Equal(("x.db", true, 1000), (o.Db, o.ReadKeyed, o.MaxTextChars));
    }
}
