using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Rasid.Web.Security;

/// <summary>Reading is open unless <see cref="WebOptions.ReadKeyed"/>; then any signed-in role (viewer+) may read.</summary>
internal sealed class ReadAccessRequirement : IAuthorizationRequirement;

internal sealed class ReadAccessHandler(IOptions<WebOptions> options) : AuthorizationHandler<ReadAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReadAccessRequirement requirement)
    {
        if (!options.Value.ReadKeyed || context.User.IsInRole("viewer") || context.User.IsInRole("analyst") || context.User.IsInRole("admin"))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
