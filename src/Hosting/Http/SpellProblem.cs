using System.Text.Json;
using LlmSpell.Errors;
using LlmSpell.Hosting.Application;
using Microsoft.AspNetCore.Http;

namespace LlmSpell.Hosting.Http;

/// <summary>
/// A failed request as <c>application/problem+json</c> (RFC 9457), carrying the spell error's
/// <c>code</c>, <c>message</c> and <c>file</c>/<c>line</c>, with a status made from its category.
/// </summary>
public static class SpellProblem
{
    public const string ContentType = "application/problem+json";

    /// <summary>The HTTP status for a spell error: bad input 400, spell failure 422, time limit 504, other limits 422, provider failure 502, host failure 500.</summary>
    public static int StatusOf(SpellError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return ErrorCategories.Of(error) switch
        {
            ErrorCategory.BadRequest => StatusCodes.Status400BadRequest,
            ErrorCategory.Limit when error.Code == SpellErrorCode.Timeout => StatusCodes.Status504GatewayTimeout,
            ErrorCategory.Limit => StatusCodes.Status422UnprocessableEntity,
            ErrorCategory.Host when error.Code is SpellErrorCode.LlmError or SpellErrorCode.LlmAuth or SpellErrorCode.LlmRateLimited => StatusCodes.Status502BadGateway,
            ErrorCategory.Host => StatusCodes.Status500InternalServerError,
            ErrorCategory.Cancelled => 499,
            _ when error.Code == SpellErrorCode.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
    }

    /// <summary>Writes the problem; <paramref name="report"/> adds the run's printed output and usage.</summary>
    public static async Task WriteAsync(HttpResponse response, SpellError error, int? status = null, SpellRunReport? report = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(error);
        response.StatusCode = status ?? StatusOf(error);
        response.ContentType = ContentType;
        await response.Body.WriteAsync(ToJson(error, response.StatusCode, report), response.HttpContext.RequestAborted).ConfigureAwait(false);
    }

    public static byte[] ToJson(SpellError error, int status, SpellRunReport? report = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("type", $"https://llmspell.dev/errors/{error.Code}");
            writer.WriteString("title", status == StatusCodes.Status400BadRequest ? "The request is not valid for this spell" : Title(error));
            writer.WriteNumber("status", status);
            writer.WriteString("detail", error.Location is { } at ? $"{at}: {error.Message}" : error.Message);
            writer.WriteString("code", error.Code);
            writer.WriteString("message", error.Message);
            if (error.Location is { } location)
            {
                writer.WriteString("file", location.File);
                if (location.Line > 0)
                {
                    writer.WriteNumber("line", location.Line);
                }
            }
            if (report is not null)
            {
                writer.WriteString("output", report.Output);
                writer.WritePropertyName("usage");
                Values.SpellJson.Write(writer, report.Result.Usage.ToValue());
                writer.WriteNumber("elapsed_ms", Math.Round(report.Result.Elapsed.TotalMilliseconds, 1));
            }
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static string Title(SpellError error) => ErrorCategories.Of(error) switch
    {
        ErrorCategory.Limit => "The spell hit a limit",
        ErrorCategory.Host when error.Code.StartsWith("llm", StringComparison.Ordinal) => "The LLM provider failed",
        ErrorCategory.Host => "The host failed",
        ErrorCategory.Cancelled => "The run was cancelled",
        _ when error.Code == SpellErrorCode.NotFound => "Not found",
        _ => "The spell failed",
    };
}
