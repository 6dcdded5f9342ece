namespace Rasid.Web.Security;

/// <summary>Names of the authentication schemes, authorization and rate-limit policies, and claims the app uses.</summary>
public static class Policies
{
    /// <summary>GETs and /api/extract: open, or viewer+ when reading is keyed.</summary>
    public const string Read = "read";

    /// <summary>Submitting documents and reviewing events.</summary>
    public const string Analyst = "analyst";

    public const string Admin = "admin";

    public const string LoginLimit = "login";

    public const string WriteLimit = "writes";

    /// <summary>Picks the API-key scheme when a key header is present, else the cookie.</summary>
    public const string SmartScheme = "rasid";

    public const string CookieScheme = "cookie";

    public const string ApiKeyScheme = "apikey";

    /// <summary>How the request authenticated (cookie or apikey): only cookie-authenticated writes need a CSRF token.</summary>
    public const string AuthMethodClaim = "rasid:auth";

    public const string CsrfHeader = "X-CSRF-Token";

    public const string ApiKeyHeader = "X-Api-Key";
}
