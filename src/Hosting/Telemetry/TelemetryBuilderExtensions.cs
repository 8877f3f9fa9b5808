using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using LlmSpell.Hosting.Telemetry;
using LlmSpell.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LlmSpell.Hosting;

public static class TelemetryBuilderExtensions
{
    /// <summary>
    /// Exports LlmSpell's spans and metrics (<see cref="SpellTelemetry"/>) and the outgoing HTTP calls
    /// under them to OTLP and/or Azure Monitor, as <see cref="TelemetrySettings"/> says. When no
    /// exporter is configured this adds nothing, so a plain run pays nothing for it.
    /// </summary>
    /// <param name="serviceName">The service name traces carry unless <c>OTEL_SERVICE_NAME</c> says otherwise.</param>
    /// <param name="configure">What the host adds of its own (its server spans, the Functions worker's defaults).</param>
    /// <exception cref="Errors.SpellException">With code <c>bad_argument</c> for a bad telemetry setting.</exception>
    public static LlmSpellBuilder AddTelemetry(this LlmSpellBuilder builder, string serviceName, Action<OpenTelemetryBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        var settings = TelemetrySettings.Read(builder.Configuration, Environment.GetEnvironmentVariable);
        if (!settings.Exports)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(settings.ServiceName ?? serviceName, serviceVersion: typeof(SpellTelemetry).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing =>
            {
                tracing.AddSource(SpellTelemetry.Name).AddHttpClientInstrumentation();
                if (settings.OtlpEndpoint is { } endpoint)
                {
                    tracing.AddOtlpExporter(otlp => Otlp(otlp, settings, endpoint, "v1/traces"));
                }
                if (settings.AzureMonitorConnectionString is { } connection)
                {
                    tracing.AddAzureMonitorTraceExporter(monitor => AzureMonitor(monitor, settings, connection));
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(SpellTelemetry.Name).AddHttpClientInstrumentation();
                if (settings.OtlpEndpoint is { } endpoint)
                {
                    metrics.AddOtlpExporter(otlp => Otlp(otlp, settings, endpoint, "v1/metrics"));
                }
                if (settings.AzureMonitorConnectionString is { } connection)
                {
                    metrics.AddAzureMonitorMetricExporter(monitor => AzureMonitor(monitor, settings, connection));
                }
            });
        configure?.Invoke(telemetry);
        return builder;
    }

    private static void Otlp(OtlpExporterOptions options, TelemetrySettings settings, Uri endpoint, string signalPath)
    {
        options.Protocol = settings.OtlpHttp ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        // A programmatic endpoint is used as given; over HTTP each signal has its own path under the base.
        options.Endpoint = settings.OtlpHttp ? new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath) : endpoint;
    }

    private static void AzureMonitor(AzureMonitorExporterOptions options, TelemetrySettings settings, string connectionString)
    {
        options.ConnectionString = connectionString;
        if (settings.AzureMonitorClientId is { } clientId)
        {
            // Application Insights with local authentication off takes Entra ID tokens only.
            options.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        }
    }
}
