using LlmSpell.Functions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The Functions host starts this worker; everything LlmSpell is comes from AddLlmSpellFunctions.
var host = new HostBuilder()
    .ConfigureFunctionsWebApplication()
    .ConfigureServices((context, services) => services.AddLlmSpellFunctions(context.Configuration))
    .Build();
await host.RunAsync().ConfigureAwait(false);
