using AfterSales.Web.Modules.Cases.Domain;

namespace AfterSales.Web.Modules.Cases.Contracts;

/// <summary>The body of <c>POST /api/v1/cases/{caseNo}/rating</c>.</summary>
public sealed record RateCaseRequest(int? Stars, string? Comment);

/// <summary>A consumer's rating of a finished case, as the API and the portal show it.</summary>
public sealed record RatingView(string CaseNo, int Stars, string? Comment, DateTimeOffset At)
{
    /// <summary>The longest comment a rating keeps.</summary>
    public const int MaxComment = CaseRating.MaxComment;

    /// <summary>Whether a case in <paramref name="status"/> may be rated (closed, or a complaint resolved).</summary>
    public static bool CanRate(CaseStatus status) => CaseRating.CanRate(status);

    internal static RatingView From(CaseRating r) => new(r.CaseNo, r.Stars, r.Comment, r.At);
}
