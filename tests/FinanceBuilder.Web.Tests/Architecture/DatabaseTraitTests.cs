using System.Reflection;
using ArchUnitNET.Loader;

namespace FinanceBuilder.Web.Tests.Architecture;

/// test.sh runs the web tests on SQLite, then again on PostgreSQL, leaving out the classes marked
/// Database=None: they open no database, so a second pass would test nothing new. A class so
/// marked that starts the app or makes a database would silently escape the PostgreSQL pass; this
/// test reads the compiled tests (their async bodies included) and fails on it.
[Trait("Database", "None")]
public sealed class DatabaseTraitTests
{
    private static readonly string[] DatabaseTypes =
        [typeof(Infrastructure.AppFactory).FullName!, typeof(Infrastructure.TestDatabase).FullName!, typeof(Wizard.WizardBrowser).FullName!];

    [Fact]
    public void ClassesMarkedDatabaseNone_NeverStartTheAppOrMakeADatabase()
    {
        var marked = typeof(DatabaseTraitTests).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributesData().Any(a => a.AttributeType == typeof(TraitAttribute)
                && a.ConstructorArguments.Select(x => x.Value as string).SequenceEqual(["Database", "None"])))
            .Select(t => t.FullName!)
            // This test names the types it looks for, and opens nothing.
            .Where(name => name != typeof(DatabaseTraitTests).FullName)
            .ToList();
        Assert.NotEmpty(marked);
        var code = new ArchLoader().LoadAssemblies(typeof(DatabaseTraitTests).Assembly).Build();

        var wrong = code.Classes
            .Where(c => marked.Any(m => c.FullName == m || c.FullName.StartsWith(m + "+", StringComparison.Ordinal)))
            .SelectMany(c => c.Dependencies.Where(d => DatabaseTypes.Contains(d.Target.FullName)).Select(d => $"{c.FullName} uses {d.Target.Name}"))
            .Distinct()
            .ToList();

        Assert.True(wrong.Count == 0, "Marked Database=None but opens a database (remove the trait):\n" + string.Join("\n", wrong));
    }
}
