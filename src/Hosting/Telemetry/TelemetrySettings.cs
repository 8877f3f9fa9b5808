using LlmSpell.Configuration;
using Microsoft.Extensions.Configuration;

namespace LlmSpell.Hosting.Telemetry;

/// <summary>
/// Where traces and metrics are exported, read from the section "telemetry" of the settings or the
/// standard environment variables (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>,
/// <c>OTEL_SERVICE_NAME</c>, <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>). With neither exporter set,
/// nothing of OpenTelemetry is started.
/// </summary>
public sealed record TelemetrySettings
{
    /// <summary>The OTLP collector's base URL (signal paths are added for http/protobuf).</summary>
    public Uri? OtlpEndpoint { get; init; }

    /// <summary>True for OTLP over HTTP with protobuf bodies; false for gRPC (the OTLP default).</summary>
    public bool OtlpHttp { get; init; }

    public string? AzureMonitorConnectionString { get; init; }

    /// <summary>
    /// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c>'s client id: Application Insights with local
    /// authentication off is written with this managed identity.
    /// </summary>
    public string? AzureMonitorClientId { get; init; }

    public string? ServiceName { get; init; }

    /// <summary>Prompts and answers on LLM spans; off unless opted in (they may hold personal data).</summary>
    public bool RecordPrompts { get; init; }

    public bool Exports => OtlpEndpoint is not null || AzureMonitorConnectionString is not null;

    /// <exception cref="Errors.SpellException">With code <c>bad_argument</c>, naming the setting.</exception>
    public static TelemetrySettings Read(IConfiguration configuration, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var section = configuration.GetSection("telemetry");
        string? Setting(string key, string variable) => section[key] is { Length: > 0 } set ? set : environment(variable) is { Length: > 0 } env ? env : null;
        string Name(string key, string variable) => section[key] is { Length: > 0 } ? section.Path + ":" + key : variable;

        Uri? endpoint = null;
        if (Setting("otlpEndpoint", "OTEL_EXPORTER_OTLP_ENDPOINT") is { } endpointText)
        {
            endpoint = Uri.TryCreate(endpointText, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"
                ? parsed
                : throw SpellConfiguration.BadSetting(configuration, Name("otlpEndpoint", "OTEL_EXPORTER_OTLP_ENDPOINT"), $"must be an http(s) URL, not '{endpointText}'");
        }

        var protocol = Setting("otlpProtocol", "OTEL_EXPORTER_OTLP_PROTOCOL") ?? "grpc";
        if (protocol is not ("grpc" or "http/protobuf"))
        {
            throw SpellConfiguration.BadSetting(configuration, Name("otlpProtocol", "OTEL_EXPORTER_OTLP_PROTOCOL"), $"must be grpc or http/protobuf, not '{protocol}'");
        }

        var recordPrompts = Setting("recordPrompts", "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT") ?? "false";
        if (!bool.TryParse(recordPrompts, out var record))
        {
            throw SpellConfiguration.BadSetting(configuration, Name("recordPrompts", "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT"), $"must be true or false, not '{recordPrompts}'");
        }

        return new TelemetrySettings
        {
            OtlpEndpoint = endpoint,
            OtlpHttp = protocol == "http/protobuf",
            AzureMonitorConnectionString = Setting("azureMonitorConnectionString", "APPLICATIONINSIGHTS_CONNECTION_STRING"),
            AzureMonitorClientId = ClientId(environment("APPLICATIONINSIGHTS_AUTHENTICATION_STRING")),
            ServiceName = Setting("serviceName", "OTEL_SERVICE_NAME"),
            RecordPrompts = record,
        };
    }

    /// <summary>"ClientId=…;Authorization=AAD" → the client id.</summary>
    private static string? ClientId(string? authentication) =>
        authentication?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .FirstOrDefault(pair => pair.Length == 2 && pair[0].Equals("ClientId", StringComparison.OrdinalIgnoreCase))?[1];
}
