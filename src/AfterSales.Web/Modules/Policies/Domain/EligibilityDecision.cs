using AfterSales.Web.Modules.Cases.Domain;

namespace AfterSales.Web.Modules.Policies.Domain;

public enum RuleOutcome { Pass, Fail, Info }

/// <summary>One rule consulted: its id, outcome, the legal source, and a message key with its arguments.</summary>
public sealed record RuleResult(string Rule, RuleOutcome Outcome, string Source, string MessageKey, IReadOnlyList<object> Args);

public sealed record EligibilityDecision(
    bool Eligible, RuleResult DecidedBy, IReadOnlyList<RuleResult> Reasons, DateTimeOffset? Deadline,
    string ReturnShippingPaidBy, decimal MaxRefund, IReadOnlyList<string> RequiredEvidence);

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
}
