using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Rasid.Store;
using Rasid.Web.Security;

namespace Rasid.Web.Api;

/// <summary>
/// /api/login, /api/logout, /api/me. Login sets an HttpOnly, SameSite=Strict cookie (Secure over https) and answers the
/// CSRF token for later writes; five failed logins in a row lock the account for 15 minutes (configurable).
/// </summary>
internal static class AuthApi
{
    // Verified when the user is unknown, so an unknown name takes as long as a wrong password.
    private static readonly string DummyHash = UserSecrets.HashPassword(Guid.NewGuid().ToString());

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/api").WithTags("Auth");
        auth.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(Policies.LoginLimit).WithMetadata(new SkipCsrf());
        auth.MapPost("/logout", (Delegate)Logout).AllowAnonymous();
        auth.MapGet("/me", Me).AllowAnonymous();
        return routes;
    }

    public static async Task<Results<Ok<SessionDto>, ValidationProblem, ProblemHttpResult>> Login(
        LoginRequest body, HttpContext ctx, IEventStore store, IAntiforgery antiforgery, IOptions<WebOptions> options, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 200)
        {
            errors["name"] = ["is required"];
        }

        if (string.IsNullOrEmpty(body.Password) || body.Password.Length > 1000)
        {
            errors["password"] = ["is required"];
        }

        if (errors.Count > 0)
        {
            return EventsApi.Invalid(errors);
        }

        var o = options.Value;
        var now = clock.GetUtcNow();
        var user = store.FindUser(body.Name!.Trim());
        if (user?.LockedUntil is { } until && until > now)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status423Locked, title: "Account locked",
                detail: $"too many failed logins; the account is locked until {until:yyyy-MM-dd HH:mm:ss} UTC");
        }

        if (user is null || !UserSecrets.VerifyPassword(body.Password!, user.PasswordHash ?? DummyHash))
        {
            if (user is not null)
            {
                int failed = user.FailedLogins + 1;
                store.SetLoginState(user.Name, failed >= o.MaxFailedLogins ? 0 : failed, failed >= o.MaxFailedLogins ? now.AddMinutes(o.LockoutMinutes) : null);
            }

            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Login failed", detail: "unknown user or wrong password");
        }

        store.SetLoginState(user.Name, 0, null);
        var principal = Principals.For(user.Name, user.Role, "cookie", Policies.CookieScheme);
        await ctx.SignInAsync(Policies.CookieScheme, principal).ConfigureAwait(false);
        ctx.User = principal; // the CSRF token is bound to the signed-in user
        var tokens = antiforgery.GetAndStoreTokens(ctx);
        return TypedResults.Ok(new SessionDto(user.Name, user.Role.ToWireName(), tokens.RequestToken, "cookie"));
    }

    public static async Task<NoContent> Logout(HttpContext ctx)
    {
        await ctx.SignOutAsync(Policies.CookieScheme).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    public static Ok<MeDto> Me(HttpContext ctx, ClaimsPrincipal user, IAntiforgery antiforgery, IOptions<WebOptions> options)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return TypedResults.Ok(new MeDto(false, null, null, null, options.Value.ReadKeyed));
        }

        var byCookie = user.FindFirstValue(Policies.AuthMethodClaim) == "cookie";
        var token = byCookie ? antiforgery.GetAndStoreTokens(ctx).RequestToken : null;
        return TypedResults.Ok(new MeDto(true, user.Identity.Name, user.FindFirstValue(ClaimTypes.Role), token, options.Value.ReadKeyed));
    }
}
