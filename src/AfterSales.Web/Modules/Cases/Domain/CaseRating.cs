namespace AfterSales.Web.Modules.Cases.Domain;

/// <summary>
/// The consumer's rating of how a finished case was handled: once per case, 1–5 stars and an optional comment. It is
/// kept beside the case, not in it: rating changes nothing about the case (no version bump, no If-Match, no timeline
/// status), so a late rating never collides with staff still closing the case.
/// </summary>
public sealed class CaseRating
{
    public const int MaxComment = 500;

    private CaseRating() { }

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public string CaseNo { get; private set; } = "";
    public string ConsumerId { get; private set; } = "";
    public int Stars { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>Statuses in which the service is over and may be judged: closed, or a complaint resolved.</summary>
    public static bool CanRate(CaseStatus status) => status is CaseStatus.Closed or CaseStatus.Resolved;

    public static CaseRating For(Case c, int stars, string? comment, DateTimeOffset now)
    {
        if (!CanRate(c.Status)) throw new DomainException("case.not_rateable");
        return new CaseRating
        {
            CaseId = c.Id, CaseNo = c.CaseNo, ConsumerId = c.ConsumerId, Stars = stars,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), At = now,
        };
    }
}
