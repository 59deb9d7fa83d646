namespace FinanceBuilder.Web.Data.Participation;

/// One post to a public form (comment or grievance), counted per address so that every node
/// refuses the same flood (PublicPostLimit). The address is kept only as a hash with the day,
/// and rows older than the window are deleted as new ones come.
public sealed class PostAttempt
{
    public long Id { get; set; }
    public string AddressKey { get; set; } = "";
    public DateTime At { get; set; }
}
