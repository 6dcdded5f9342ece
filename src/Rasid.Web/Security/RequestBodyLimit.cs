using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Rasid.Web.Security;

/// <summary>
/// Refuses bodies over <see cref="WebOptions.MaxBodyBytes"/> with 413 and a clear message: at once when Content-Length says
/// so, else while reading (a chunked body is read into memory up to the limit, never beyond).
/// </summary>
internal static class RequestBodyLimit
{
    public static WebApplication UseRequestBodyLimit(this WebApplication app)
    {
        app.Use(async (ctx, next) =>
        {
            var max = ctx.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value.MaxBodyBytes;
            var req = ctx.Request;
            if (req.ContentLength > max)
            {
                await TooLarge(ctx, max).ConfigureAwait(false);
                return;
            }

            if (req.ContentLength is null && !HttpMethods.IsGet(req.Method) && !HttpMethods.IsHead(req.Method))
            {
                var buffer = new MemoryStream();
                var chunk = new byte[81920];
                int n;
                try
                {
                    while ((n = await req.Body.ReadAsync(chunk, ctx.RequestAborted).ConfigureAwait(false)) > 0)
                    {
                        if (buffer.Length + n > max)
                        {
                            await TooLarge(ctx, max).ConfigureAwait(false);
                            return;
                        }

                        buffer.Write(chunk, 0, n);
                    }
                }
                catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
                {
                    await TooLarge(ctx, max).ConfigureAwait(false);
                    return;
                }

                buffer.Position = 0;
                req.Body = buffer;
                req.ContentLength = buffer.Length;
            }
            else if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = max;
            }

            await next(ctx).ConfigureAwait(false);
        });
        return app;
    }

    private static Task TooLarge(HttpContext ctx, long max) =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
            detail: $"the request body is larger than the limit of {max:N0} bytes ({max / 1024 / 1024.0:0.#} MB)").ExecuteAsync(ctx);
}
