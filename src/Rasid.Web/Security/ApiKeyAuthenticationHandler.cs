using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Rasid.Store;

namespace Rasid.Web.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c> by the key's SHA-256 against
/// the users table. A key that matches nobody fails the request (401) rather than falling back to anonymous.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IEventStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public static string? KeyOf(HttpRequest request)
    {
        if (request.Headers.TryGetValue(Policies.ApiKeyHeader, out var key) && !string.IsNullOrWhiteSpace(key))
        {
            return key.ToString().Trim();
        }

        var auth = request.Headers.Authorization.ToString();
        return auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? auth["Bearer ".Length..].Trim() : null;
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = KeyOf(Request);
        if (string.IsNullOrEmpty(key))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var user = key.Length > 200 ? null : store.FindUserByApiKeyHash(UserSecrets.HashApiKey(key));
        if (user is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("invalid API key"));
        }

        var principal = Principals.For(user.Name, user.Role, "apikey", Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}

internal static class Principals
{
    public static ClaimsPrincipal For(string name, UserRole role, string method, string scheme) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, name),
                new Claim(ClaimTypes.Name, name),
                new Claim(ClaimTypes.Role, role.ToWireName()),
                new Claim(Policies.AuthMethodClaim, method),
            ],
            scheme, ClaimTypes.Name, ClaimTypes.Role));
}
