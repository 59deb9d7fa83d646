using FinanceBuilder.Web.App;
using FinanceBuilder.Web.Cli;

// One executable, two faces: `dotnet run --project src/FinanceBuilder.Web` serves the web app;
// `./financebuilder validate|package|import|… ` (the script at the repository root) runs a command.
if (CommandLine.IsCommand(args))
    return await CommandLine.RunAsync(args);

var app = FinanceBuilderApp.Build(FinanceBuilderApp.CreateBuilder(args));
await app.RunAsync();
return 0;

/// Exposed for WebApplicationFactory in the tests.
public partial class Program;
