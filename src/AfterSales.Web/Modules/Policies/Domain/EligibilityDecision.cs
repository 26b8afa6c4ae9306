namespace AfterSales.Web.Modules.Policies.Domain;

public enum RuleOutcome { Pass, Fail, Info }

/// <summary>One rule consulted: its id, outcome, the legal source, and a message key with its arguments.</summary>
public sealed record RuleResult(string Rule, RuleOutcome Outcome, string Source, string MessageKey, IReadOnlyList<object> Args);

public sealed record EligibilityDecision(
    bool Eligible, RuleResult DecidedBy, IReadOnlyList<RuleResult> Reasons, DateTimeOffset? Deadline,
    string ReturnShippingPaidBy, decimal MaxRefund, IReadOnlyList<string> RequiredEvidence)
{
    /// <summary>
    /// One decision from the decisions on groups of lines judged under different policies: eligible only if every
    /// group is; the lines' reasons in order, then the general ones once; the earliest deadline; the merchant pays
    /// shipping if any group says so; the evidence any group requires.
    /// </summary>
    public static EligibilityDecision Merge(IReadOnlyList<EligibilityDecision> parts)
    {
        if (parts.Count == 1) return parts[0];
        var all = parts.SelectMany(p => p.Reasons).ToList();
        // Rules about a line carry its number as the first argument; the general ones (shipping, evidence, refund time) none.
        var reasons = all.Where(r => r.Args.Count > 0)
            .Concat(all.Where(r => r.Args.Count == 0).DistinctBy(r => (r.Rule, r.Outcome, r.MessageKey))).ToList();
        var eligible = parts.All(p => p.Eligible);
        var decidedBy = reasons.FirstOrDefault(r => r.Outcome == RuleOutcome.Fail)
            ?? reasons.LastOrDefault(r => r.Outcome == RuleOutcome.Pass) ?? reasons[0];
        return new EligibilityDecision(eligible, decidedBy, reasons, parts.Min(p => p.Deadline),
            parts.Any(p => p.ReturnShippingPaidBy == "merchant") ? "merchant" : parts[0].ReturnShippingPaidBy,
            eligible ? parts.Sum(p => p.MaxRefund) : 0m, parts.SelectMany(p => p.RequiredEvidence).Distinct().ToList());
    }
}

public sealed record EligibilityLine(int LineNo, int Quantity, decimal MaxRefund);

public sealed record EligibilityQuestion(
    Orders.Domain.Order Order, CaseType Type, CaseReason Reason, IReadOnlyList<EligibilityLine> Lines, DateTimeOffset At);

/// <summary>Legal sources cited in decisions, named once.</summary>
public static class LegalSources
{
    public const string CrplArt25 = "消费者权益保护法 第二十五条 / Consumer Rights Protection Law Art. 25";
    public const string CrplArt24 = "消费者权益保护法 第二十四条 / Consumer Rights Protection Law Art. 24";
    public const string CrplArt23 = "消费者权益保护法 第二十三条 / Consumer Rights Protection Law Art. 23";
    public const string InterimMeasures = "网络购买商品七日无理由退货暂行办法 (2017) / Interim Measures for Seven-Day No-Reason Returns of Online Purchases (2017)";
    public const string ImplementingRegsArt19 = "消费者权益保护法实施条例 第十九条 (2024) / CRPL Implementing Regulations Art. 19 (2024)";
    public const string Sanbao = "部分商品修理更换退货责任规定（三包） / Provisions on Repair, Replacement and Return of Certain Goods (三包)";
    public const string EcommerceArt20 = "电子商务法 第二十条 / E-commerce Law Art. 20";
    public const string EcommerceArt59 = "电子商务法 第五十九条 / E-commerce Law Art. 59";
    public const string PlatformPolicy = "平台售后规则 / Platform after-sales policy";
    public const string ShopPolicy = "店铺售后政策 / Shop after-sales policy";

    /// <summary>
    /// A stable key per source, so that a page shows the source in the reader's language (a resource per key) while
    /// the API keeps its bilingual <c>source</c> text.
    /// </summary>
    private static readonly Dictionary<string, string> Keys = new(StringComparer.Ordinal)
    {
        [CrplArt25] = "crpl_art25", [CrplArt24] = "crpl_art24", [CrplArt23] = "crpl_art23",
        [InterimMeasures] = "interim_measures", [ImplementingRegsArt19] = "implementing_regs_art19", [Sanbao] = "sanbao",
        [EcommerceArt20] = "ecommerce_art20", [EcommerceArt59] = "ecommerce_art59",
        [PlatformPolicy] = "platform_policy", [ShopPolicy] = "shop_policy",
    };

    public static IReadOnlyCollection<string> AllKeys => Keys.Values;

    /// <summary>The key of a source named here; null for any other text.</summary>
    public static string? KeyOf(string source) => Keys.GetValueOrDefault(source);
}
