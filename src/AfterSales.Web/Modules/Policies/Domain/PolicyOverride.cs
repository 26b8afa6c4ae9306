namespace AfterSales.Web.Modules.Policies.Domain;

/// <summary>
/// A platform, shop or category override: only the fields it sets. Overrides may be more generous to the
/// consumer than the law, never less (2024 Implementing Regulations Art. 19: exclusions cannot be widened or preset).
/// </summary>
public sealed record PolicyOverride(
    int? NoReasonDays = null, int? QualityReturnDays = null, int? QualityExchangeDays = null,
    string? NoReasonReturnShippingPaidBy = null, int? MerchantAnswerHours = null, int? ReturnWaybillDays = null,
    int? ReceiptConfirmDays = null, int? AppealDays = null, int? ReplacementConfirmDays = null, int? CloseAfterDays = null,
    IReadOnlyList<string>? WaivedExclusions = null)
{
    public PolicySettings ApplyTo(PolicySettings p) => p with
    {
        NoReasonDays = NoReasonDays ?? p.NoReasonDays,
        QualityReturnDays = QualityReturnDays ?? p.QualityReturnDays,
        QualityExchangeDays = QualityExchangeDays ?? p.QualityExchangeDays,
        NoReasonReturnShippingPaidBy = NoReasonReturnShippingPaidBy ?? p.NoReasonReturnShippingPaidBy,
        MerchantAnswerHours = MerchantAnswerHours ?? p.MerchantAnswerHours,
        ReturnWaybillDays = ReturnWaybillDays ?? p.ReturnWaybillDays,
        ReceiptConfirmDays = ReceiptConfirmDays ?? p.ReceiptConfirmDays,
        AppealDays = AppealDays ?? p.AppealDays,
        ReplacementConfirmDays = ReplacementConfirmDays ?? p.ReplacementConfirmDays,
        CloseAfterDays = CloseAfterDays ?? p.CloseAfterDays,
        WaivedExclusions = WaivedExclusions ?? p.WaivedExclusions,
    };

    /// <summary>
    /// The least the law allows per field (wire name → days), in one place so that the admin UI shows the very floor
    /// <see cref="Check"/> enforces instead of restating it.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, int> LegalFloors = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["noReasonDays"] = 7,
        ["qualityReturnDays"] = 7,
        ["qualityExchangeDays"] = 15,
        ["appealDays"] = 7,
    };

    /// <summary>Field errors for values out of range (400) and a separate list of legal-floor violations (422).</summary>
    public (FieldErrors Invalid, List<string> BelowLaw) Check()
    {
        var e = new FieldErrors();
        var law = new List<string>();
        Floor(NoReasonDays, "noReasonDays", law);
        Floor(QualityReturnDays, "qualityReturnDays", law);
        Floor(QualityExchangeDays, "qualityExchangeDays", law);
        Floor(AppealDays, "appealDays", law);
        Range(e, "noReasonDays", NoReasonDays, 0, 365);
        Range(e, "qualityReturnDays", QualityReturnDays, 0, 365);
        Range(e, "qualityExchangeDays", QualityExchangeDays, 0, 365);
        Range(e, "merchantAnswerHours", MerchantAnswerHours, 1, 720);
        Range(e, "returnWaybillDays", ReturnWaybillDays, 1, 90);
        Range(e, "receiptConfirmDays", ReceiptConfirmDays, 1, 90);
        Range(e, "appealDays", AppealDays, 0, 90);
        Range(e, "replacementConfirmDays", ReplacementConfirmDays, 1, 90);
        Range(e, "closeAfterDays", CloseAfterDays, 0, 90);
        foreach (var flag in WaivedExclusions ?? [])
            if (!Orders.Domain.LineFlags.All.Contains(flag)) e.Add("waivedExclusions", $"unknown flag '{flag}'");
        if (NoReasonReturnShippingPaidBy is not (null or "consumer" or "merchant"))
            e.Add("noReasonReturnShippingPaidBy", "consumer or merchant");
        return (e, law);
    }

    private static void Floor(int? value, string field, List<string> law)
    {
        var floor = LegalFloors[field];
        if (value is { } v && v < floor) law.Add($"{field} must be at least {floor}");
    }

    private static void Range(FieldErrors e, string field, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max)) e.Add(field, $"{min} to {max}");
    }
}

/// <summary>One saved version of a scope's override. Versions are never changed; the newest applies to new cases.</summary>
public sealed class PolicyVersion
{
    private PolicyVersion() { }

    public PolicyVersion(string scope, int version, PolicyOverride settings, string by, DateTimeOffset now)
    {
        Scope = scope;
        Version = version;
        Settings = settings;
        CreatedBy = by;
        CreatedAt = now;
    }

    public long Id { get; private set; }

    /// <summary><c>platform</c>, <c>shop:{shopId}</c> or <c>category:{category}</c>.</summary>
    public string Scope { get; private set; } = "";
    public int Version { get; private set; }
    public PolicyOverride Settings { get; private set; } = new();
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}
