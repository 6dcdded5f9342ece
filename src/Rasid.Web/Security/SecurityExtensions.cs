using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Rasid.Store;

namespace Rasid.Web.Security;

/// <summary>
/// Authentication (cookie after POST /api/login, or an API key), role policies, CSRF for cookie-authenticated writes,
/// and rate limits on login and writes.
/// </summary>
internal static class SecurityExtensions
{
    public static WebApplicationBuilder AddRasidSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthentication(Policies.SmartScheme)
            .AddPolicyScheme(Policies.SmartScheme, "cookie or API key", o =>
                o.ForwardDefaultSelector = ctx => ApiKeyAuthenticationHandler.KeyOf(ctx.Request) is null ? Policies.CookieScheme : Policies.ApiKeyScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(Policies.ApiKeyScheme, null)
            .AddCookie(Policies.CookieScheme, o =>
            {
                o.Cookie.Name = "rasid.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // An API answers 401/403; it never redirects to a login page.
                o.Events.OnRedirectToLogin = ctx => Status(ctx.Response, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => Status(ctx.Response, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = ValidateCookieUser;
            });

        services.AddSingleton<IAuthorizationHandler, ReadAccessHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Read, p => p.AddRequirements(new ReadAccessRequirement()))
            .AddPolicy(Policies.Analyst, p => p.RequireAuthenticatedUser().RequireRole("analyst", "admin"))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireRole("admin"));

        // Cookies and CSRF tokens are signed with a key ring kept in the store, shared by every serve process on it.
        services.AddDataProtection().SetApplicationName("rasid");
        services.AddOptions<KeyManagementOptions>().Configure<IEventStore>((o, store) =>
        {
            if (store is IDataProtectionKeyStore keys)
            {
                o.XmlRepository = new StoreKeyRing(keys);
            }
        });

        services.AddAntiforgery(o =>
        {
            o.HeaderName = Policies.CsrfHeader;
            o.Cookie.Name = "rasid.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SuppressXFrameOptionsHeader = true; // SecurityHeaders sends DENY for every answer
        });

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, token) =>
            {
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                {
                    ctx.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await Results.Problem(statusCode: 429, title: "Too many requests", detail: "rate limit reached; wait a minute and try again")
                    .ExecuteAsync(ctx.HttpContext).ConfigureAwait(false);
            };
            o.AddPolicy(Policies.LoginLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                "login:" + ctx.Connection.RemoteIpAddress,
                _ => Window(ctx, w => w.LoginPermitsPerMinute)));
            o.AddPolicy(Policies.WriteLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                "write:" + (ctx.User.Identity?.Name ?? ctx.Connection.RemoteIpAddress?.ToString()),
                _ => Window(ctx, w => w.WritePermitsPerMinute)));
        });
        return builder;
    }

    public static WebApplication UseRasidSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseMiddleware<CsrfMiddleware>();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Limits are read when a partition is first used, so configuration given by a host or a test applies.</summary>
    private static FixedWindowRateLimiterOptions Window(HttpContext ctx, Func<WebOptions, int> permits) => new()
    {
        PermitLimit = Math.Max(1, permits(ctx.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value)),
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    };

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }

    /// <summary>A removed user's cookie stops working at once; a changed role takes effect at once.</summary>
    private static Task ValidateCookieUser(CookieValidatePrincipalContext ctx)
    {
        var name = ctx.Principal?.Identity?.Name;
        var store = ctx.HttpContext.RequestServices.GetRequiredService<IEventStore>();
        var user = name is null ? null : store.FindUser(name);
        if (user is null)
        {
            ctx.RejectPrincipal();
        }
        else if (!ctx.Principal!.IsInRole(user.Role.ToWireName()))
        {
            ctx.ReplacePrincipal(Principals.For(user.Name, user.Role, "cookie", Policies.CookieScheme));
            ctx.ShouldRenew = true;
        }

        return Task.CompletedTask;
    }
}

/// <summary>Endpoint metadata: no CSRF token needed (login, which has no session yet; extract, which changes nothing).</summary>
internal sealed class SkipCsrf;

/// <summary>
/// Cookie-authenticated requests that may change state (POST, PUT, PATCH, DELETE) must carry the antiforgery token in
/// <c>X-CSRF-Token</c> (given by POST /api/login and GET /api/me). API-key requests cannot be forged cross-site and are exempt.
/// </summary>
internal sealed class CsrfMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext ctx, IAntiforgery antiforgery)
    {
        var unsafeMethod = !(HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method) || HttpMethods.IsOptions(ctx.Request.Method));
        var byCookie = ctx.User.FindFirstValue(Policies.AuthMethodClaim) == "cookie";
        if (unsafeMethod && byCookie && ctx.GetEndpoint()?.Metadata.GetMetadata<SkipCsrf>() is null
            && !await antiforgery.IsRequestValidAsync(ctx).ConfigureAwait(false))
        {
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "CSRF token missing or invalid",
                    detail: $"a cookie-authenticated write needs the {Policies.CsrfHeader} header from POST /api/login or GET /api/me")
                .ExecuteAsync(ctx).ConfigureAwait(false);
            return;
        }

        await next(ctx).ConfigureAwait(false);
    }
}
