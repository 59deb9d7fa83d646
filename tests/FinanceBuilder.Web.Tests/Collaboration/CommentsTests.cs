using System.Net;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Organisations;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Collaboration;

/// Comments on a proposal's sections: add, resolve, reopen, each also in the audit trail;
/// readers read, donors see nothing.
public sealed class CommentsTests : IDisposable
{
    private readonly AppFactory app = new();

    public void Dispose() => app.Dispose();

    private static string Comments(Guid id) => $"/proposals/{id}/comments";

    [Fact]
    public async Task AComment_WithAControlCharacter_IsRefused_AndKeptInTheBox()
    {
        using var editor = app.CreateApiClient();
        var id = await editor.SeedProposalAsync();

        var response = await editor.SubmitFormAsync(Comments(id), "main form.comment-form", f => f.Change("section", "budget").Change("text", "Check\u0007 the line."));

        var page = await Wizard.WizardPage.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Comment contains the control character U+0007", page.Text, StringComparison.Ordinal);
        using var db = app.OpenDb();
        Assert.Empty(await db.Comments.ToListAsync());
    }

    [Fact]
    public async Task Editor_AddsResolvesAndReopensAComment_EachAudited()
    {
        using var editor = app.CreateApiClient();
        var id = await editor.SeedProposalAsync();

        var added = await editor.SubmitFormAsync(Comments(id), "main form.comment-form", f => f.Change("section", "budget").Change("text", "  Check the contingency line.  "));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var page = await editor.OpenAsync(added.Location());
        Assert.Equal("1 open comment", page.Get("#open-count").TextContent.Trim());
        Assert.Contains("Check the contingency line.", page.Get("#section-budget").TextContent, StringComparison.Ordinal);
        Assert.Contains("Your comment was added.", page.Text, StringComparison.Ordinal);

        var resolved = await editor.SubmitFormAsync(Comments(id), "main form[action$='handler=Resolve']", _ => { });
        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        var afterResolve = await editor.OpenAsync(Comments(id));
        Assert.Equal("0 open comments", afterResolve.Get("#open-count").TextContent.Trim());
        Assert.Contains("Resolved", afterResolve.Get(".comment--resolved").TextContent, StringComparison.Ordinal);

        await editor.SubmitFormAsync(Comments(id), "main form[action$='handler=Reopen']", _ => { });
        Assert.Equal("1 open comment", (await editor.OpenAsync(Comments(id))).Get("#open-count").TextContent.Trim());

        using var db = app.OpenDb();
        var comment = await db.Comments.SingleAsync();
        Assert.Equal(("budget", "Check the contingency line."), (comment.Section, comment.Text));
        Assert.Null(comment.ResolvedAt);
        var actions = await db.AuditEvents.Where(a => a.ProposalId == id && a.Action.StartsWith("comment")).OrderBy(a => a.Id).Select(a => a.Action + ":" + a.Section).ToListAsync();
        Assert.Equal(["comment:budget", "comment-resolved:budget", "comment-reopened:budget"], actions);

        var activity = await editor.OpenAsync($"/proposals/{id}/activity");
        Assert.Contains("Comment reopened", activity.Get("table.activity tbody tr:first-child").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "", "Enter your comment.")]
    [InlineData("fr", "", "Saisissez votre commentaire.")]
    [InlineData("en", "long", "A comment can have at most 4000 characters; this one has 4001.")]
    [InlineData("fr", "long", "Un commentaire peut compter au plus 4000 caractères\u00A0; celui-ci en compte 4001.")]
    public async Task Comment_EmptyOrTooLong_ShowsMessage(string language, string text, string message)
    {
        using var editor = app.CreateApiClient(language);
        var id = await editor.SeedProposalAsync();

        var response = await editor.SubmitFormAsync(Comments(id), "main form.comment-form", f => f.Change("text", text == "long" ? new string('a', 4001) : "   "));

        var page = await Wizard.WizardPage.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.Get(".error-summary").TextContent, StringComparison.Ordinal);
        Assert.Contains(message, page.Get("#comment-text-error").TextContent, StringComparison.Ordinal);
        using var db = app.OpenDb();
        Assert.Empty(await db.Comments.ToListAsync());
    }

    [Fact]
    public async Task Comment_OnASectionTheProposalDoesNotHave_IsRefused()
    {
        using var editor = app.CreateApiClient("fr");
        var id = await editor.SeedProposalAsync();

        var response = await editor.PostWithTokenAsync(Comments(id), Comments(id), ("section", "no-such-step"), ("text", "Bonjour"));

        var page = await Wizard.WizardPage.ReadAsync(response);
        Assert.Contains("Choisissez la section concernée par le commentaire.", page.Get(".error-summary").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SectionFilter_ShowsOnlyThatSection()
    {
        using var editor = app.CreateApiClient();
        var id = await editor.SeedProposalAsync();
        await editor.SubmitFormAsync(Comments(id), "main form.comment-form", f => f.Change("section", "budget").Change("text", "On the budget"));
        await editor.SubmitFormAsync(Comments(id), "main form.comment-form", f => f.Change("section", "basics").Change("text", "On the basics"));

        var all = await editor.OpenAsync(Comments(id));
        var sections = all.Document.QuerySelectorAll("section.comment-section").Select(s => s.Id).ToList();
        Assert.Equal(["section-basics", "section-budget"], sections);

        var filtered = await editor.OpenAsync(Comments(id) + "?section=budget");
        Assert.Contains("On the budget", filtered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("On the basics", filtered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reader_ReadsComments_ButPostingIs403()
    {
        using var editor = app.CreateApiClient();
        var id = await editor.SeedProposalAsync();
        await editor.SubmitFormAsync(Comments(id), "main form.comment-form", f => f.Change("section", "budget").Change("text", "Visible to readers"));
        await app.CreateUserAsync("reader@workspace.test", Web.Data.AccessScope.WorkspaceOrganisationId, MemberRole.Reader);
        using var reader = await app.SignedInClientAsync("reader@workspace.test");

        var page = await reader.OpenAsync(Comments(id));
        Assert.Contains("Visible to readers", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Find("main form.comment-form"));

        var post = await reader.PostWithTokenAsync("/", Comments(id), ("section", "budget"), ("text", "A reader's comment"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        var commentId = (await app.OpenDb().Comments.SingleAsync()).Id.ToString();
        var resolve = await reader.PostWithTokenAsync("/", Comments(id) + "?handler=Resolve", ("commentId", commentId));
        Assert.Equal(HttpStatusCode.Forbidden, resolve.StatusCode);
        using var db = app.OpenDb();
        Assert.Null((await db.Comments.SingleAsync()).ResolvedAt);
    }

    [Fact]
    public async Task Donor_Gets404_OnCommentsAndActivity()
    {
        using var editor = app.CreateApiClient();
        var id = await editor.SeedProposalAsync();
        await editor.SubmitFormAsync(Comments(id), "main form.comment-form", f => f.Change("section", "budget").Change("text", "Not for donors"));
        var donor = await app.CreateOrganisationAsync("Fund", OrganisationKind.Donor);
        await app.CreateUserAsync("reviewer@fund.test", donor, MemberRole.Editor);
        using var reviewer = await app.SignedInClientAsync("reviewer@fund.test");

        foreach (var url in new[] { Comments(id), Comments(id) + "?section=budget", $"/proposals/{id}/activity" })
        {
            var response = await reviewer.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("Not for donors", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
