using FinanceBuilder.Web.Configuration;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Proposals.Model;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FinanceBuilder.Web.Tests.Pipeline;

/// The store behind ParsedProposals: a kept proposal is handed out once and only for its own
/// document, and the memory setting bounds what is kept, dropping the least recently saved.
public sealed class KeptProposalStoreTests
{
    private readonly FakeTimeProvider clock = new();

    private ParsedProposals.Store StoreOf(int megabytes) =>
        new(Options.Create(new FinanceBuilderOptions { Memory = { KeptProposalsMegabytes = megabytes } }), clock);

    /// A document that counts as about this many megabytes in the store.
    private static string DocumentOf(double megabytes, char fill = 'x') =>
        new(fill, (int)(megabytes * 1024 * 1024 / ParsedProposals.Store.BytesPerCharacter));

    [Fact]
    public void Take_GivesTheKeptProposal_OnceAndOnlyForItsDocument()
    {
        var store = StoreOf(16);
        var id = Guid.NewGuid();
        var proposal = new Proposal();
        store.Keep(id, "{\"a\":1}", proposal);

        Assert.Null(store.Take(id, "{\"a\":2}"));
        Assert.Null(store.Take(id, "{\"a\":1}"));

        store.Keep(id, "{\"a\":1}", proposal);
        Assert.Same(proposal, store.Take(id, "{\"a\":1}"));
        Assert.Null(store.Take(id, "{\"a\":1}"));
    }

    [Fact]
    public void Keep_OverTheBudget_DropsTheLeastRecentlySaved()
    {
        var store = StoreOf(3);
        var (first, second, third, fourth) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var documents = new Dictionary<Guid, string>
        {
            [first] = DocumentOf(1, 'a'),
            [second] = DocumentOf(1, 'b'),
            [third] = DocumentOf(1, 'c'),
            [fourth] = DocumentOf(1, 'd'),
        };
        foreach (var id in new[] { first, second, third })
        {
            store.Keep(id, documents[id], new Proposal());
            clock.Advance(TimeSpan.FromSeconds(1));
        }
        // The first is saved again: now the second is the least recently saved.
        store.Keep(first, documents[first], new Proposal());
        clock.Advance(TimeSpan.FromSeconds(1));
        store.Keep(fourth, documents[fourth], new Proposal());

        Assert.Equal(3, store.Count);
        Assert.Null(store.Take(second, documents[second]));
        Assert.NotNull(store.Take(first, documents[first]));
        Assert.NotNull(store.Take(third, documents[third]));
        Assert.NotNull(store.Take(fourth, documents[fourth]));
    }

    [Fact]
    public void Keep_WithNoMemory_KeepsNothing()
    {
        var store = StoreOf(0);
        var id = Guid.NewGuid();
        store.Keep(id, "{}", new Proposal());

        Assert.Equal(0, store.Count);
        Assert.Null(store.Take(id, "{}"));
    }
}
