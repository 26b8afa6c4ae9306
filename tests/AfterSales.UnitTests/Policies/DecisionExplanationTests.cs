using System.Globalization;
using System.Resources;
using AfterSales.Web.Modules.Policies.Domain;

namespace AfterSales.UnitTests.Policies;

/// <summary>
/// A decision explains itself: every rule consulted is listed with its outcome, the legal source and a message
/// that exists in Chinese and in English.
/// </summary>
public sealed class DecisionExplanationTests
{
    private static readonly ResourceManager Texts = new("AfterSales.Web.Resources.Eligibility", typeof(Eligibility).Assembly);
    private static readonly CultureInfo Zh = new("zh-CN");
    private static readonly CultureInfo En = new("en-US");

    /// <summary>Laws and regulations a source may name, in Chinese and English.</summary>
    private static readonly (string Zh, string En)[] Laws =
    [
        ("消费者权益保护法", "Consumer Rights Protection Law"),
        ("消费者权益保护法实施条例", "Implementing Regulations"),
        ("网络购买商品七日无理由退货暂行办法", "Interim Measures"),
        ("部分商品修理更换退货责任规定", "Provisions on Repair, Replacement and Return"),
        ("电子商务法", "E-commerce Law"),
    ];

    [Theory]
    [MemberData(nameof(DecisionScenarios.Names), MemberType = typeof(DecisionScenarios))]
    public void Decision_ListsEveryRuleConsulted(string scenario)
    {
        var (decide, rules) = DecisionScenarios.All[scenario];

        var d = decide();

        Assert.Equal(rules.Order(StringComparer.Ordinal), d.Reasons.Select(r => r.Rule).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(DecisionScenarios.Names), MemberType = typeof(DecisionScenarios))]
    public void Decision_IsEligibleExactlyWhenNoRuleFailed_AndNamesTheRuleThatDecided(string scenario)
    {
        var d = DecisionScenarios.All[scenario].Decide();

        Assert.Equal(d.Reasons.All(r => r.Outcome != RuleOutcome.Fail), d.Eligible);
        Assert.Contains(d.DecidedBy, d.Reasons);
        Assert.Equal(!d.Eligible, d.DecidedBy.Outcome == RuleOutcome.Fail);
        if (!d.Eligible) Assert.Same(d.Reasons.First(r => r.Outcome == RuleOutcome.Fail), d.DecidedBy);
    }

    [Theory]
    [MemberData(nameof(DecisionScenarios.Names), MemberType = typeof(DecisionScenarios))]
    public void EveryReason_HasAMessageInChineseAndEnglish_ThatDiffer(string scenario)
    {
        foreach (var r in DecisionScenarios.All[scenario].Decide().Reasons)
        {
            var zh = Format(r, Zh);
            var en = Format(r, En);

            Assert.NotEqual(zh, en);
            Assert.Contains(zh, IsChinese);
            Assert.True(en.Replace("三包", "", StringComparison.Ordinal).All(c => !IsChinese(c)), $"{r.MessageKey} en-US text is not English: {en}");
            Assert.DoesNotContain("{", zh, StringComparison.Ordinal);
            Assert.DoesNotContain("{", en, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(DecisionScenarios.GroundedInLaw), MemberType = typeof(DecisionScenarios))]
    public void EveryReason_CitesALaw_InChineseAndEnglish(string scenario)
    {
        foreach (var r in DecisionScenarios.All[scenario].Decide().Reasons)
        {
            Assert.True(Laws.Any(l => r.Source.Contains(l.Zh, StringComparison.Ordinal) && r.Source.Contains(l.En, StringComparison.Ordinal)),
                $"{r.Rule} cites '{r.Source}', which names no law");
        }
    }

    [Theory]
    [InlineData("no_reason.eligible", "no_reason_exclusion", "第二十五条")]
    [InlineData("no_reason.declared", "no_reason_declared", "实施条例 第十九条")]
    [InlineData("no_reason.eligible", "no_reason_window", "七日无理由退货暂行办法")]
    [InlineData("no_reason.eligible", "return_shipping", "第二十五条")]
    [InlineData("no_reason.eligible", "refund_time", "第二十五条")]
    [InlineData("quality.return", "quality_return_window", "第二十四条")]
    [InlineData("quality.return", "return_shipping", "第二十四条")]
    [InlineData("quality.exchange", "quality_exchange_repair", "第二十四条")]
    [InlineData("quality.return", "evidence", "第二十三条")]
    [InlineData("sanbao.repair_day16", "sanbao_window", "三包")]
    [InlineData("complaint", "complaint_channel", "电子商务法 第五十九条")]
    public void Rule_CitesTheArticleThatGrantsIt(string scenario, string rule, string article) =>
        Assert.Contains(article, DecisionScenarios.All[scenario].Decide().Rule(rule).Source, StringComparison.Ordinal);

    private static bool IsChinese(char c) => c is >= '\u4e00' and <= '\u9fff';

    private static string Format(RuleResult r, CultureInfo culture)
    {
        var text = Texts.GetString(r.MessageKey, culture);
        Assert.False(string.IsNullOrWhiteSpace(text), $"{r.MessageKey} has no {culture.Name} text");
        return string.Format(culture, text, [.. r.Args]);
    }
}
