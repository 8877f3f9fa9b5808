using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace LlmSpell.Orchestrations.Storage.AzureStorage;

/// <summary>
/// How to reach a storage account: a connection string (keys, SAS, Azurite), or the account's name
/// and a <see cref="TokenCredential"/> — a managed identity in the cloud, so no key is ever stored.
/// </summary>
public sealed record AzureStorageAccount
{
    private AzureStorageAccount()
    {
    }

    public string? ConnectionString { get; private init; }

    public string? AccountName { get; private init; }

    public TokenCredential? Credential { get; private init; }

    public static AzureStorageAccount FromConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new AzureStorageAccount { ConnectionString = connectionString };
    }

    /// <param name="accountName">The account's name: its endpoints are https://NAME.{blob,queue,table}.core.windows.net.</param>
    public static AzureStorageAccount FromCredential(string accountName, TokenCredential credential)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        ArgumentNullException.ThrowIfNull(credential);
        return new AzureStorageAccount { AccountName = accountName, Credential = credential };
    }

    public BlobServiceClient Blobs() => ConnectionString is { } text ? new BlobServiceClient(text) : new BlobServiceClient(Endpoint("blob"), Credential);

    public QueueServiceClient Queues() => ConnectionString is { } text ? new QueueServiceClient(text) : new QueueServiceClient(Endpoint("queue"), Credential);

    public TableServiceClient Tables() => ConnectionString is { } text ? new TableServiceClient(text) : new TableServiceClient(Endpoint("table"), Credential);

    private Uri Endpoint(string service) => new($"https://{AccountName}.{service}.core.windows.net");

    /// <summary>Never the connection string: it may hold a key.</summary>
    public override string ToString() => ConnectionString is null ? $"account {AccountName}" : "account from a connection string";
}
