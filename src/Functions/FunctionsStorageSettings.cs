using Microsoft.Extensions.Configuration;

namespace LlmSpell.Functions;

/// <summary>
/// In the Functions app, spells, their pinned copies and their state live in the app's own storage
/// account, the one the host already uses for Durable Functions and queues (<c>AzureWebJobsStorage</c>:
/// a connection string, or <c>AzureWebJobsStorage__accountName</c> with a managed identity). This maps
/// that setting onto LlmSpell's "durable" section, unless the section names an account itself.
/// </summary>
public static class FunctionsStorageSettings
{
    public const string StorageSetting = "AzureWebJobsStorage";

    /// <summary>The settings LlmSpell reads: <paramref name="configuration"/> with the app's storage account under "durable".</summary>
    public static IConfiguration Apply(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration["durable:provider"] is not null)
        {
            return configuration;
        }
        var mapped = new Dictionary<string, string?>();
        if (configuration[StorageSetting] is { Length: > 0 } connection)
        {
            mapped["durable:connectionString"] = connection;
        }
        else if (configuration[$"{StorageSetting}:accountName"] is { Length: > 0 } account)
        {
            mapped["durable:accountName"] = account;
            mapped["durable:clientId"] = configuration[$"{StorageSetting}:clientId"];
        }
        else
        {
            // No account: the host itself refuses to start, with its own message; LlmSpell's
            // embedded defaults stay in place so that message is the one the user sees.
            return configuration;
        }
        mapped["durable:provider"] = "azure-storage";
        return new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(mapped).Build();
    }
}
