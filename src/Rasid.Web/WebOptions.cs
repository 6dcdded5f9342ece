namespace Rasid.Web;

/// <summary>Settings of the web app, bound from the configuration section <c>Rasid</c> (e.g. <c>Rasid__Db</c>, <c>--Rasid:ReadKeyed=true</c>).</summary>
public sealed record WebOptions
{
    public const string Section = "Rasid";

    /// <summary>The store: a SQLite file or postgres://… (as <c>rasid --db</c>).</summary>
    public string Db { get; init; } = "rasid.db";

    /// <summary>When true, reading (every GET and /api/extract) needs a viewer, analyst or admin credential.</summary>
    public bool ReadKeyed { get; init; }

    /// <summary>Largest request body accepted; larger ones get 413.</summary>
    public long MaxBodyBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>Largest document text accepted by POST /api/documents and /api/extract, in characters.</summary>
    public int MaxTextChars { get; init; } = 500_000;

    /// <summary>Login attempts per client address per minute.</summary>
    public int LoginPermitsPerMinute { get; init; } = 10;

    /// <summary>Writes (documents, reviews, extract) per user or address per minute.</summary>
    public int WritePermitsPerMinute { get; init; } = 120;

    /// <summary>Failed logins in a row that lock an account, and for how long.</summary>
    public int MaxFailedLogins { get; init; } = 5;

    public int LockoutMinutes { get; init; } = 15;

    /// <summary>Folder of the dashboard's static files; default: wwwroot beside the binaries, else under the content root.</summary>
    public string? WebRoot { get; init; }

    /// <summary>
    /// The settings as configuration keys, so options given in code (rasid serve) and by configuration meet in one place.
    /// The store and every setting that differs from its default are given, so a limit left at its default in code can still be set by
    /// configuration (<c>Rasid__MaxBodyBytes=…</c> in the environment of <c>rasid serve</c>).
    /// </summary>
    public IEnumerable<KeyValuePair<string, string?>> ToConfiguration()
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var d = new WebOptions();
        yield return new($"{Section}:{nameof(Db)}", Db);

        if (ReadKeyed)
        {
            yield return new($"{Section}:{nameof(ReadKeyed)}", "true");
        }

        foreach (var (name, value, byDefault) in new (string, long, long)[]
        {
            (nameof(MaxBodyBytes), MaxBodyBytes, d.MaxBodyBytes),
            (nameof(MaxTextChars), MaxTextChars, d.MaxTextChars),
            (nameof(LoginPermitsPerMinute), LoginPermitsPerMinute, d.LoginPermitsPerMinute),
            (nameof(WritePermitsPerMinute), WritePermitsPerMinute, d.WritePermitsPerMinute),
            (nameof(MaxFailedLogins), MaxFailedLogins, d.MaxFailedLogins),
            (nameof(LockoutMinutes), LockoutMinutes, d.LockoutMinutes),
        })
        {
            if (value != byDefault)
            {
                yield return new($"{Section}:{name}", value.ToString(inv));
            }
        }

        if (WebRoot is not null)
        {
            yield return new($"{Section}:{nameof(WebRoot)}", WebRoot);
        }
    }
}
