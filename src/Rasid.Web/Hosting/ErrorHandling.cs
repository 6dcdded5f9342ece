using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Rasid.Core;

namespace Rasid.Web.Hosting;

/// <summary>
/// Every error is a problem-details answer with a clear message and never a stack trace: expected failures
/// (<see cref="RasidException"/>, bad JSON, bad parameters) name the field; anything else is a 500 logged on the server.
/// </summary>
internal static class ErrorHandling
{
    public static WebApplication UseRasidErrors(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = _ => StatusCodes.Status500InternalServerError,
            ExceptionHandler = Handle,
        });
        app.UseStatusCodePages();
        return app;
    }

    private static Task Handle(HttpContext ctx)
    {
        var error = ctx.Features.Get<IExceptionHandlerFeature>()?.Error;
        IResult result = error switch
        {
            RasidException rx => FromRasid(rx),
            BadHttpRequestException { InnerException: JsonException jx } => Problem(400, "Malformed JSON",
                $"the request body is not valid JSON for this request{At(jx.Path)}: {jx.Message}", jx.Path ?? "body"),
            BadHttpRequestException { StatusCode: 413 } => Problem(413, "Request body too large", "the request body is larger than the limit"),
            BadHttpRequestException bx => Problem(bx.StatusCode, "Bad request", bx.Message),
            _ => Problem(500, "Internal error", "the server failed to answer this request; the error is in the server log"),
        };
        if (error is not RasidException and not BadHttpRequestException)
        {
            ctx.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Rasid.Web").LogError(error, "unhandled error on {Path}", ctx.Request.Path);
        }

        return result.ExecuteAsync(ctx);
    }

    private static string At(string? path) => string.IsNullOrEmpty(path) ? string.Empty : $" at {path}";

    public static IResult FromRasid(RasidException ex)
    {
        int status = ex.Code switch
        {
            "E330" => 404,
            "E340" => 409,
            _ => 400,
        };
        return Problem(status, status == 404 ? "Not found" : "Invalid request", $"{ex.Input}: {ex.Problem}", ex.Input, ex.Code);
    }

    public static IResult Problem(int status, string title, string detail, string? field = null, string? code = null)
    {
        var extensions = new Dictionary<string, object?>();
        if (field is not null)
        {
            extensions["field"] = field;
        }

        if (code is not null)
        {
            extensions["code"] = code;
        }

        return Results.Problem(statusCode: status, title: title, detail: detail, extensions: extensions);
    }
}
