using AfterSales.Web.Modules.Orders.Domain;
using static AfterSales.Web.Modules.Policies.Domain.RuleOutcome;

namespace AfterSales.Web.Modules.Policies.Domain;

/// <summary>
/// Consumer-law eligibility (DOMAIN.md §4) as a pure function: every rule consulted is listed with its outcome,
/// and the request is eligible only if none failed. Days count in the platform's time zone from the day after
/// signing (签收次日) to 24:00 of the last day.
/// </summary>
public sealed class Eligibility(PolicySettings policy, IWorkingDays workingDays, TimeZoneInfo zone)
{
    private static readonly string[] OutrightExclusions = [LineFlags.CustomMade, LineFlags.Perishable, LineFlags.DigitalUnsealed, LineFlags.Periodical];

    public EligibilityDecision Decide(EligibilityQuestion q)
    {
        var reasons = new List<RuleResult>();
        DateTimeOffset? deadline = null;
        var quality = q.Reason is CaseReason.QualityIssue or CaseReason.NotAsDescribed or CaseReason.WrongItem
            or CaseReason.MissingParts or CaseReason.DamagedInTransit;
        var shippingBy = quality ? "merchant" : policy.NoReasonReturnShippingPaidBy;
        var evidence = quality ? new List<string> { "photos" } : [];

        if (q.Type == CaseType.Complaint)
        {
            reasons.Add(new("complaint_channel", Pass, LegalSources.EcommerceArt59, "complaint_channel.pass", []));
            return Finish(q, reasons, null, "merchant", []);
        }
        foreach (var l in q.Lines)
        {
            var line = q.Order.Line(l.LineNo)!;
            var signed = q.Order.SignedAt(l.LineNo);
            if (q.Type == CaseType.RefundOnly && q.Reason == CaseReason.NotReceived)
            {
                reasons.Add(signed is null
                    // E-commerce Law Art. 20: the seller bears the risk of the goods in transit until delivery.
                    ? new("not_received", Pass, LegalSources.EcommerceArt20, "not_received.pass", [l.LineNo])
                    : new("not_received", Info, LegalSources.EcommerceArt20, "not_received.signed", [l.LineNo, Local(signed.Value)]));
                if (signed is not null && !evidence.Contains("delivery_proof")) evidence.Add("delivery_proof");
                continue;
            }
            if (signed is null)
            {
                reasons.Add(new("goods_received", Fail, LegalSources.InterimMeasures, "goods_received.fail", [l.LineNo]));
                continue;
            }
            var day = DayOf(signed.Value, q.At);
            if (q.Reason == CaseReason.NoReason7Day) deadline = Min(deadline, NoReason(q, l, line, signed.Value, reasons));
            else if (quality) deadline = Min(deadline, Quality(q, l, line, signed.Value, day, reasons));
            else
            {
                // "other": no statutory right; the merchant decides on the merits.
                reasons.Add(new("merchant_decides", Info, LegalSources.PlatformPolicy, "merchant_decides.info", [l.LineNo]));
            }
        }
        if (quality) reasons.Add(new("evidence", Info, LegalSources.CrplArt23, "evidence.photos", []));
        reasons.Add(ReturnShipping(quality, shippingBy));
        if (q.Type is CaseType.ReturnRefund or CaseType.RefundOnly)
            reasons.Add(new("refund_time", Info, LegalSources.CrplArt25, "refund_time.info", []));
        return Finish(q, reasons, deadline, shippingBy, evidence);
    }

    /// <summary>
    /// Who pays return shipping, and on what ground: a quality problem is the seller's by law (CRPL Art. 24); otherwise
    /// the law puts it on the consumer (Art. 25) unless the effective policy says the shop pays — then the ground is that
    /// policy, not a law (it used to cite Art. 24's quality rule for a no-reason return the shop had chosen to pay for).
    /// </summary>
    private static RuleResult ReturnShipping(bool quality, string shippingBy) =>
        quality ? new("return_shipping", Info, LegalSources.CrplArt24, "return_shipping.merchant", [])
        : shippingBy == "merchant" ? new("return_shipping", Info, LegalSources.ShopPolicy, "return_shipping.shop_policy", [])
        : new("return_shipping", Info, LegalSources.CrplArt25, "return_shipping.consumer", []);

    private DateTimeOffset? NoReason(EligibilityQuestion q, EligibilityLine l, OrderLine line, DateTimeOffset signed, List<RuleResult> reasons)
    {
        if (q.Type != CaseType.ReturnRefund)
        {
            reasons.Add(new("no_reason_type", Fail, LegalSources.CrplArt25, "no_reason_type.fail", [l.LineNo]));
            return null;
        }
        var excluded = OutrightExclusions.Where(f => line.Has(f) && !policy.WaivedExclusions.Contains(f)).ToList();
        reasons.Add(excluded.Count > 0
            ? new("no_reason_exclusion", Fail, LegalSources.CrplArt25, "no_reason_exclusion.fail", [l.LineNo, string.Join(", ", excluded)])
            : new("no_reason_exclusion", Pass, LegalSources.CrplArt25, "no_reason_exclusion.pass", [l.LineNo]));
        reasons.Add(line.Has(LineFlags.DeclaredNonReturnable) && !policy.WaivedExclusions.Contains(LineFlags.DeclaredNonReturnable)
            ? new("no_reason_declared", Fail, LegalSources.ImplementingRegsArt19, "no_reason_declared.fail", [l.LineNo])
            : new("no_reason_declared", Pass, LegalSources.ImplementingRegsArt19, "no_reason_declared.pass", [l.LineNo]));
        // The window is the effective policy's (a shop may give more than the law's 7 days); the message says its
        // length and still cites the law's floor as the ground.
        var end = WindowEnd(signed, policy.NoReasonDays);
        reasons.Add(q.At < end
            ? new("no_reason_window", Pass, LegalSources.InterimMeasures, "no_reason_window.pass", [l.LineNo, Local(end), policy.NoReasonDays])
            : new("no_reason_window", Fail, LegalSources.InterimMeasures, "no_reason_window.fail", [l.LineNo, Local(end), policy.NoReasonDays]));
        return end;
    }

    private DateTimeOffset? Quality(EligibilityQuestion q, EligibilityLine l, OrderLine line, DateTimeOffset signed, int day, List<RuleResult> reasons)
    {
        var returnEnd = WindowEnd(signed, policy.QualityReturnDays);
        if (line.WarrantyMonths is > 0 && q.Reason == CaseReason.QualityIssue)
            return Sanbao(q, l, line, signed, day, reasons);
        switch (q.Type)
        {
            case CaseType.ReturnRefund or CaseType.RefundOnly:
                reasons.Add(q.At < returnEnd
                    ? new("quality_return_window", Pass, LegalSources.CrplArt24, "quality_return_window.pass", [l.LineNo, Local(returnEnd)])
                    : new("quality_return_window", Fail, LegalSources.CrplArt24, "quality_return_window.fail", [l.LineNo, Local(returnEnd)]));
                return returnEnd;
            default:
                reasons.Add(new("quality_exchange_repair", Pass, LegalSources.CrplArt24, "quality_exchange_repair.pass", [l.LineNo]));
                return null;
        }
    }

    /// <summary>三包: days 1–7 return, exchange or repair; days 8–15 exchange or repair; then repair within the warranty.</summary>
    private DateTimeOffset? Sanbao(EligibilityQuestion q, EligibilityLine l, OrderLine line, DateTimeOffset signed, int day, List<RuleResult> reasons)
    {
        var signedDate = LocalDate(signed);
        var warrantyEnd = workingDays.NextWorkingDayFrom(signedDate.AddMonths(line.WarrantyMonths!.Value));
        var warrantyEndsAt = StartOf(warrantyEnd.AddDays(1));
        var (allowed, until) = day <= policy.QualityReturnDays ? ("return_exchange_repair", WindowEnd(signed, policy.QualityReturnDays))
            : day <= policy.QualityExchangeDays ? ("exchange_repair", WindowEnd(signed, policy.QualityExchangeDays))
            : q.At < warrantyEndsAt ? ("repair", warrantyEndsAt)
            : ("none", warrantyEndsAt);
        var ok = allowed switch
        {
            "return_exchange_repair" => true,
            "exchange_repair" => q.Type is CaseType.Exchange or CaseType.Repair,
            "repair" => q.Type == CaseType.Repair,
            _ => false,
        };
        reasons.Add(new("sanbao_window", ok ? Pass : Fail, LegalSources.Sanbao, $"sanbao_window.{allowed}",
            [l.LineNo, day, Local(until), warrantyEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]));
        return until;
    }

    private EligibilityDecision Finish(EligibilityQuestion q, List<RuleResult> reasons, DateTimeOffset? deadline, string shippingBy, List<string> evidence)
    {
        var failed = reasons.FirstOrDefault(r => r.Outcome == Fail);
        var decidedBy = failed ?? reasons.LastOrDefault(r => r.Outcome == Pass) ?? reasons[0];
        return new EligibilityDecision(failed is null, decidedBy, reasons, deadline, shippingBy,
            failed is null ? q.Lines.Sum(l => l.MaxRefund) : 0m, evidence);
    }

    /// <summary>Day 1 is the day after signing.</summary>
    private int DayOf(DateTimeOffset signed, DateTimeOffset at) => LocalDate(at).DayNumber - LocalDate(signed).DayNumber;

    /// <summary>24:00 of the n-th day after signing, in the platform's zone.</summary>
    public DateTimeOffset WindowEnd(DateTimeOffset signed, int days) => StartOf(LocalDate(signed).AddDays(days + 1));

    private DateOnly LocalDate(DateTimeOffset t) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(t, zone).DateTime);

    private DateTimeOffset StartOf(DateOnly d)
    {
        var local = d.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private string Local(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
