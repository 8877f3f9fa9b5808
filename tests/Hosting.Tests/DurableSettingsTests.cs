using LlmSpell.Hosting.Durable;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace LlmSpell.Hosting.Tests;

/// <summary>The "durable" section as the hosts read it.</summary>
public sealed class DurableSettingsTests
{
    private const string Azurite = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;";

    private static DurableSettings Read(Dictionary<string, string?> values) =>
        DurableSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), "/project", "/project/.llmspell", _ => null);

    [Fact]
    public void The_task_hub_s_tuning_is_read_with_the_account()
    {
        var settings = Read(new()
        {
            ["durable:provider"] = "azure-storage",
            ["durable:connectionString"] = Azurite,
            ["durable:taskHub"] = "tuned",
            ["durable:partitions"] = "2",
            ["durable:controlQueueBatchSize"] = "8",
            ["durable:maxQueuePollingInterval"] = "00:00:00.250",
            ["durable:extendedSessions"] = "true",
        });

        Assert.Equal(("tuned", 2, 8, TimeSpan.FromMilliseconds(250), true),
            (settings.TaskHub, settings.Partitions, settings.ControlQueueBatchSize, settings.MaxQueuePollingInterval, settings.ExtendedSessions));
        Assert.Equal("Azure Storage task hub 'tuned'", settings.Describe("/project"));
    }

    [Fact]
    public void Without_tuning_the_measured_defaults_hold()
    {
        var settings = Read(new() { ["durable:provider"] = "azure-storage", ["durable:connectionString"] = Azurite });

        Assert.Equal(("llmspell", 4, 32, TimeSpan.FromSeconds(1), false),
            (settings.TaskHub, settings.Partitions, settings.ControlQueueBatchSize, settings.MaxQueuePollingInterval, settings.ExtendedSessions));
    }

    [Fact]
    public void An_account_name_connects_with_a_managed_identity_and_no_key()
    {
        var settings = Read(new() { ["durable:provider"] = "azure-storage", ["durable:accountName"] = "mystorage", ["durable:clientId"] = "00000000-0000-0000-0000-000000000001" });

        Assert.Equal("mystorage", settings.Account!.AccountName);
        Assert.Null(settings.Account.ConnectionString);
        Assert.IsType<Azure.Identity.ManagedIdentityCredential>(settings.Account.Credential);
    }
}
