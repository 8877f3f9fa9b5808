using System.Text.Json.Nodes;
using Xunit;

namespace LlmSpell.Infra.Tests;

/// <summary>What must hold of the compiled deployment, whatever else changes in <c>infra/</c>.</summary>
public sealed class ArmTemplateTests(ArmTemplate arm) : IClassFixture<ArmTemplate>
{
    private const string BlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string QueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    private JsonObject Site => arm.Single("Microsoft.Web/sites");

    private JsonObject StorageAccount => arm.Single("Microsoft.Storage/storageAccounts");

    [Fact]
    public void The_app_is_an_isolated_worker_on_flex_consumption()
    {
        var plan = arm.Single("Microsoft.Web/serverfarms");
        Assert.Equal("FC1", (string?)plan["sku"]?["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]?["tier"]);
        var config = Site["properties"]!["functionAppConfig"]!;
        Assert.Equal("dotnet-isolated", (string?)config["runtime"]?["name"]);
        Assert.Equal("10.0", (string?)DefaultOf("dotnetVersion"));
        Assert.Equal("[parameters('instanceMemoryMB')]", (string?)config["scaleAndConcurrency"]?["instanceMemoryMB"]);
        Assert.Equal("[parameters('maximumInstanceCount')]", (string?)config["scaleAndConcurrency"]?["maximumInstanceCount"]);
        Assert.Equal("UserAssignedIdentity", (string?)config["deployment"]?["storage"]?["authentication"]?["type"]);
    }

    [Fact]
    public void Storage_is_reached_by_identity_and_no_key_is_in_any_setting()
    {
        var settings = AppSettings();
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Contains("storageAccountName", settings["AzureWebJobsStorage__accountName"], StringComparison.Ordinal);
        Assert.Contains("identityClientId", settings["AzureWebJobsStorage__clientId"], StringComparison.Ordinal);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", settings.Keys); // Flex takes the runtime from functionAppConfig

        // No expression anywhere may read an account key or build a key-bearing connection string.
        var text = arm.Root.ToJsonString();
        foreach (var forbidden in new[] { "listKeys(", "listkeys(", "AccountKey=", "primaryKey", "SharedAccessKey" })
        {
            Assert.DoesNotContain(forbidden, text, StringComparison.Ordinal);
        }
        Assert.False((bool)StorageAccount["properties"]!["allowSharedKeyAccess"]!);
    }

    [Fact]
    public void Llm_keys_are_key_vault_references()
    {
        var deployment = ModuleTemplate("functionapp");
        var references = (string?)deployment["variables"]?["keyVaultSettings"];
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", references, StringComparison.Ordinal);
        Assert.Equal("[parameters('identityId')]", (string?)Site["properties"]!["keyVaultReferenceIdentity"]);
        var vault = arm.Single("Microsoft.KeyVault/vaults");
        Assert.True((bool)vault["properties"]!["enableRbacAuthorization"]!);

        // The key values themselves only ever travel as secure parameters.
        foreach (var key in new[] { "openAiApiKey", "anthropicApiKey" })
        {
            Assert.Equal("securestring", (string?)arm.Root["parameters"]?[key]?["type"]);
        }
    }

    [Fact]
    public void The_identity_holds_the_data_roles_it_needs_and_no_broader_one()
    {
        var granted = arm.OfType("Microsoft.Authorization/roleAssignments")
            .Select(r => (string?)r["properties"]?["roleDefinitionId"] ?? "")
            .ToList();
        foreach (var role in new[] { BlobDataOwner, QueueDataContributor, TableDataContributor, MonitoringMetricsPublisher, KeyVaultSecretsUser })
        {
            Assert.Contains(granted, id => id.Contains(role, StringComparison.Ordinal));
        }

        // Owner, Contributor and Storage Account Contributor would each hand out the account keys.
        foreach (var broad in new[] { "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "b24988ac-6180-42a0-ab88-20f7382dd24c", "17d1049b-9a84-46fb-8f53-869881c3d3ab" })
        {
            Assert.DoesNotContain(granted, id => id.Contains(broad, StringComparison.Ordinal));
        }
        Assert.Equal("UserAssigned", (string?)Site["identity"]?["type"]);
    }

    [Fact]
    public void Traffic_is_https_only_with_tls_1_2_and_no_public_blobs()
    {
        Assert.True((bool)Site["properties"]!["httpsOnly"]!);
        Assert.Equal("1.2", (string?)Site["properties"]!["siteConfig"]!["minTlsVersion"]);
        var account = StorageAccount["properties"]!;
        Assert.True((bool)account["supportsHttpsTrafficOnly"]!);
        Assert.Equal("TLS1_2", (string?)account["minimumTlsVersion"]);
        Assert.False((bool)account["allowBlobPublicAccess"]!);
        Assert.All(arm.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"), c => Assert.Equal("None", (string?)c["properties"]?["publicAccess"]));
    }

    [Fact]
    public void Ftp_and_basic_publishing_credentials_are_off()
    {
        Assert.Equal("Disabled", (string?)Site["properties"]!["siteConfig"]!["ftpsState"]);
        var policies = arm.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.False((bool)p["properties"]!["allow"]!));
    }

    [Fact]
    public void Monitoring_is_workspace_based_and_written_with_entra_id()
    {
        var insights = arm.Single("Microsoft.Insights/components");
        Assert.True((bool)insights["properties"]!["DisableLocalAuth"]!);
        Assert.NotNull(insights["properties"]!["WorkspaceResourceId"]);
        Assert.Contains("Authorization=AAD", AppSettings()["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_deployment_takes_the_parameters_a_platform_team_sets_and_outputs_the_url()
    {
        foreach (var name in new[] { "namePrefix", "location", "instanceMemoryMB", "maximumInstanceCount" })
        {
            Assert.NotNull(arm.Root["parameters"]?[name]);
        }
        Assert.NotNull(arm.Root["outputs"]?["APP_URL"]);
        Assert.StartsWith("https://", (string?)ModuleTemplate("functionapp")["outputs"]?["url"]?["value"] is { } url ? url.Replace("[format('", "", StringComparison.Ordinal) : "", StringComparison.Ordinal);
    }

    private JsonNode? DefaultOf(string parameter) => arm.Root["parameters"]?[parameter]?["defaultValue"];

    private JsonObject ModuleTemplate(string name) =>
        arm.OfType("Microsoft.Resources/deployments").Single(d => (string?)d["name"] == name)["properties"]!["template"]!.AsObject();

    /// <summary>The site's fixed settings, by name (the Key Vault references are added by a map expression).</summary>
    private Dictionary<string, string> AppSettings()
    {
        Assert.Equal("[concat(variables('identitySettings'), variables('keyVaultSettings'))]", (string?)Site["properties"]!["siteConfig"]!["appSettings"]);
        return ModuleTemplate("functionapp")["variables"]!["identitySettings"]!.AsArray()
            .ToDictionary(s => (string)s!["name"]!, s => (string)s!["value"]!);
    }
}
