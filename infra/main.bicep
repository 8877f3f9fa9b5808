// The LlmSpell Functions app on Flex Consumption, in a resource group of its own. `azd up` (see
// azure.yaml at the repository root) provisions this and deploys src/Functions into it.
targetScope = 'subscription'

@minLength(1)
@maxLength(20)
@description('The azd environment name; with namePrefix it names every resource.')
param environmentName string

@minLength(2)
@maxLength(10)
@description('A short prefix for resource names: lower-case letters and digits.')
param namePrefix string = 'llmspell'

@description('The Azure region. Flex Consumption is offered in a subset of regions; see README "Deploy to Azure".')
param location string

@allowed([
  512
  2048
  4096
])
@description('Memory of each Flex Consumption instance, in MB.')
param instanceMemoryMB int = 2048

@minValue(1)
@maxValue(1000)
@description('The most instances Flex Consumption may scale out to; this caps the bill as much as the load.')
param maximumInstanceCount int = 40

@description('The .NET isolated-worker version Flex Consumption runs the app on. LlmSpell targets net10.0.')
param dotnetVersion string = '10.0'

@secure()
@description('OpenAI API key, kept in Key Vault and read by the app through a Key Vault reference. Empty: not set.')
param openAiApiKey string = ''

@secure()
@description('Anthropic API key, kept in Key Vault and read by the app through a Key Vault reference. Empty: not set.')
param anthropicApiKey string = ''

@description('The object id of a user or group who may manage the Key Vault secrets (e.g. the deploying user). Empty: nobody beyond the app.')
param keyVaultAdminPrincipalId string = ''

var tags = {
  'azd-env-name': environmentName
  application: 'llmspell'
}
// Storage account names: 3-24 lower-case letters and digits, unique worldwide.
var token = toLower(uniqueString(subscription().id, environmentName, location))
var baseName = '${namePrefix}-${environmentName}'
// Each LLM key that was given: its Key Vault secret, and the app setting (the environment variable
// LlmSpell's providers read) that refers to it.
var llmKeys = filter([
  { setting: 'OPENAI_API_KEY', secret: 'openai-api-key', value: openAiApiKey }
  { setting: 'ANTHROPIC_API_KEY', secret: 'anthropic-api-key', value: anthropicApiKey }
], key => !empty(key.value))

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${baseName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: group
  params: {
    name: 'id-${baseName}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: group
  params: {
    baseName: baseName
    location: location
    tags: tags
    publisherPrincipalId: identity.outputs.principalId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: group
  params: {
    name: take('st${replace(namePrefix, '-', '')}${token}', 24)
    location: location
    tags: tags
    appPrincipalId: identity.outputs.principalId
  }
}

module secrets 'modules/secrets.bicep' = {
  name: 'secrets'
  scope: group
  params: {
    name: take('kv-${namePrefix}-${token}', 24)
    location: location
    tags: tags
    readerPrincipalId: identity.outputs.principalId
    adminPrincipalId: keyVaultAdminPrincipalId
    secrets: toObject(llmKeys, key => key.secret, key => key.value)
  }
}

module app 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: group
  params: {
    name: 'func-${baseName}-${take(token, 6)}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainer: storage.outputs.deploymentContainer
    appInsightsConnectionString: monitoring.outputs.connectionString
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    dotnetVersion: dotnetVersion
    vaultUri: secrets.outputs.uri
    vaultSecrets: map(llmKeys, key => { setting: key.setting, secret: key.secret })
  }
}

output AZURE_RESOURCE_GROUP string = group.name
output AZURE_FUNCTION_APP_NAME string = app.outputs.name
output APP_URL string = app.outputs.url
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = secrets.outputs.name
