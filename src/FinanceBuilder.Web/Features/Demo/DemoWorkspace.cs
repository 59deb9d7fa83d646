using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Proposals;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Demo;

/// At first start the sample proposals are imported into the workspace, so a newcomer sees
/// real proposals, not an empty page. Done once per organisation: deleting them is final.
/// Turned off with FinanceBuilder:LoadDemoWorkspace=false (tests do).
public static class DemoWorkspace
{
    public static async Task LoadOnceAsync(IServiceProvider services, string samplesDirectory, ILogger logger, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().ActForOrganisation(AccessScope.WorkspaceOrganisationId);
        var db = scope.ServiceProvider.GetRequiredService<FinanceBuilderDbContext>();
        if (!Directory.Exists(samplesDirectory))
        {
            logger.LogWarning("No samples folder at {Folder}; the demo workspace stays empty.", samplesDirectory);
            return;
        }

        // Claim the load atomically, so two nodes starting together load the samples once.
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var claimed = await db.Organisations
            .Where(o => o.Id == AccessScope.WorkspaceOrganisationId && o.DemoLoadedAt == null)
            .ExecuteUpdateAsync(o => o.SetProperty(x => x.DemoLoadedAt, now), ct);
        if (claimed == 0)
            return;

        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        foreach (var file in Directory.EnumerateFiles(samplesDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            var result = await mediator.Send(new ImportProposal.Command(await File.ReadAllBytesAsync(file, ct), CultureInfo.InvariantCulture), ct);
            if (result.Created is null)
                logger.LogError("Sample {File} was not loaded: {Error}", Path.GetFileName(file), result.Errors[0].Message);
            else
                logger.LogInformation("Loaded sample {File} as proposal {Id}", Path.GetFileName(file), result.Created.Id);
        }
    }
}
