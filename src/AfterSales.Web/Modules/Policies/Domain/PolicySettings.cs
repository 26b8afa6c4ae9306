namespace AfterSales.Web.Modules.Policies.Domain;

/// <summary>
/// The platform's after-sales policy: windows and timeouts (DOMAIN.md §3–§4). The defaults are the legal floor
/// and the figures WeChat Store publishes; shops and categories may override them, never below the law.
/// </summary>
public sealed record PolicySettings
{
    /// <summary>七日无理由: at least 7 days from the day after signing (CRPL Art. 25).</summary>
    public int NoReasonDays { get; init; } = 7;

    /// <summary>Return for a quality problem: 7 days (CRPL Art. 24; 三包 days 1–7).</summary>
    public int QualityReturnDays { get; init; } = 7;

    /// <summary>Exchange for a quality problem under 三包: days 8–15.</summary>
    public int QualityExchangeDays { get; init; } = 15;

    /// <summary>Who pays return shipping of a no-reason return unless agreed otherwise (CRPL Art. 25: the consumer).</summary>
    public string NoReasonReturnShippingPaidBy { get; init; } = "consumer";

    /// <summary>
    /// No-reason exclusions the platform or shop gives up (e.g. a fresh-food shop that takes returns anyway):
    /// an override may only narrow the statutory exclusions, never widen them (Implementing Regulations Art. 19).
    /// </summary>
    public IReadOnlyList<string> WaivedExclusions { get; init; } = [];

    public int MerchantAnswerHours { get; init; } = 48;
    public int ReturnWaybillDays { get; init; } = 7;
    public int ReceiptConfirmDays { get; init; } = 10;
    public int AppealDays { get; init; } = 7;
    public int ReplacementConfirmDays { get; init; } = 10;

    /// <summary>After-sales period: a finished case closes this many days after its last state.</summary>
    public int CloseAfterDays { get; init; } = 7;

    public static readonly PolicySettings Default = new();
}
