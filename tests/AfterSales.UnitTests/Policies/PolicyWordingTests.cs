using System.Globalization;
using System.Resources;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Policies.Domain;
using static AfterSales.UnitTests.Policies.Ask;

namespace AfterSales.UnitTests.Policies;

/// <summary>
/// The words follow the effective policy and the rule that really applies: a shop's longer no-reason window is said
/// as its own length (the law's 7 days cited as the floor), and who pays return shipping is explained by the ground
/// that puts it there — the law for the defaults and for a quality problem, the shop's policy when the shop chose to pay.
/// </summary>
public sealed class PolicyWordingTests
{
    private static readonly ResourceManager Texts = new("AfterSales.Web.Resources.Eligibility", typeof(Eligibility).Assembly);
    private const string Signed = "2026-11-20T15:00:00+08:00";
    private const string At = "2026-11-22T10:00:00+08:00";

    private static readonly PolicySettings ShopFifteenDaysMerchantPays =
        new PolicyOverride(NoReasonDays: 15, NoReasonReturnShippingPaidBy: "merchant").ApplyTo(PolicySettings.Default);

    private static string Say(RuleResult r, string culture) =>
        string.Format(CultureInfo.GetCultureInfo(culture), Texts.GetString(r.MessageKey, CultureInfo.GetCultureInfo(culture))!, [.. r.Args]);

    [Fact]
    public void DefaultPolicy_SevenDays_ConsumerPays_UnderArt25()
    {
        var d = Decide(Signed, CaseType.ReturnRefund, CaseReason.NoReason7Day, At);

        Assert.True(d.Eligible);
        Assert.Equal(T("2026-11-28T00:00:00+08:00"), d.Deadline);
        var window = d.Rule("no_reason_window");
        Assert.Contains("无理由退货期（7 天）", Say(window, "zh-CN"), StringComparison.Ordinal);
        Assert.Contains("7-day no-reason return window", Say(window, "en-US"), StringComparison.Ordinal);
        Assert.Equal("consumer", d.ReturnShippingPaidBy);
        var shipping = d.Rule("return_shipping");
        Assert.Equal(LegalSources.CrplArt25, shipping.Source);
        Assert.Contains("第二十五条", Say(shipping, "zh-CN"), StringComparison.Ordinal);
        Assert.Contains("由消费者承担", Say(shipping, "zh-CN"), StringComparison.Ordinal);
    }

    [Fact]
    public void ShopOverride_FifteenDays_MerchantPays_SaysFifteenDays_AndNamesTheShopPolicyForShipping()
    {
        var d = Decide(Signed, CaseType.ReturnRefund, CaseReason.NoReason7Day, At, policy: ShopFifteenDaysMerchantPays);

        Assert.True(d.Eligible);
        Assert.Equal(T("2026-12-06T00:00:00+08:00"), d.Deadline); // 24:00 of day 15
        var window = d.Rule("no_reason_window");
        var zh = Say(window, "zh-CN");
        Assert.Contains("无理由退货期（15 天）", zh, StringComparison.Ordinal);
        Assert.DoesNotContain("七天无理由", zh, StringComparison.Ordinal);
        Assert.Contains("法定不少于七天", zh, StringComparison.Ordinal); // the law is still the ground, as the floor
        Assert.Equal(LegalSources.InterimMeasures, window.Source);
        Assert.Contains("15-day no-reason return window", Say(window, "en-US"), StringComparison.Ordinal);

        Assert.Equal("merchant", d.ReturnShippingPaidBy);
        var shipping = d.Rule("return_shipping");
        Assert.Equal(LegalSources.ShopPolicy, shipping.Source);
        Assert.Equal("shop_policy", LegalSources.KeyOf(shipping.Source));
        Assert.Contains("店铺售后政策", Say(shipping, "zh-CN"), StringComparison.Ordinal);
        Assert.Contains("shop's after-sales policy", Say(shipping, "en-US"), StringComparison.Ordinal);
        Assert.DoesNotContain("第二十四条", Say(shipping, "zh-CN"), StringComparison.Ordinal);
        Assert.DoesNotContain("质量问题", Say(shipping, "zh-CN"), StringComparison.Ordinal);
    }

    [Fact]
    public void ShopOverride_FifteenDays_OnDay12_IsStillEligible_AndTheFailureSaysFifteenDays()
    {
        Assert.True(Decide(Signed, CaseType.ReturnRefund, CaseReason.NoReason7Day, "2026-12-02T10:00:00+08:00",
            policy: ShopFifteenDaysMerchantPays).Eligible);
        var late = Decide(Signed, CaseType.ReturnRefund, CaseReason.NoReason7Day, "2026-12-06T00:00:00+08:00", policy: ShopFifteenDaysMerchantPays);
        Assert.False(late.Eligible);
        Assert.Contains("无理由退货期（15 天）已于", Say(late.Rule("no_reason_window"), "zh-CN"), StringComparison.Ordinal);
    }

    [Fact]
    public void QualityReturn_MerchantPays_UnderArt24_EvenUnderAShopPolicy()
    {
        foreach (var policy in new[] { PolicySettings.Default, ShopFifteenDaysMerchantPays })
        {
            var d = Decide(Signed, CaseType.ReturnRefund, CaseReason.QualityIssue, At, policy: policy);

            Assert.True(d.Eligible);
            Assert.Equal("merchant", d.ReturnShippingPaidBy);
            var shipping = d.Rule("return_shipping");
            Assert.Equal(LegalSources.CrplArt24, shipping.Source);
            Assert.Contains("质量问题", Say(shipping, "zh-CN"), StringComparison.Ordinal);
            Assert.Contains("第二十四条", Say(shipping, "zh-CN"), StringComparison.Ordinal);
            Assert.Equal(LegalSources.CrplArt24, d.Rule("quality_return_window").Source);
        }
    }

    [Fact]
    public void EverySource_HasAKey()
    {
        string[] all = [LegalSources.CrplArt25, LegalSources.CrplArt24, LegalSources.CrplArt23, LegalSources.InterimMeasures,
            LegalSources.ImplementingRegsArt19, LegalSources.Sanbao, LegalSources.EcommerceArt20, LegalSources.EcommerceArt59,
            LegalSources.PlatformPolicy, LegalSources.ShopPolicy];
        Assert.All(all, s => Assert.NotNull(LegalSources.KeyOf(s)));
        Assert.Equal(all.Length, all.Select(LegalSources.KeyOf).Distinct().Count());
        Assert.Null(LegalSources.KeyOf("something else"));
        // The portal names each source in the reader's language only: Chinese words on the Chinese page, English on the English one.
        var portal = new ResourceManager("AfterSales.Web.Resources.PortalUi", typeof(Eligibility).Assembly);
        foreach (var key in LegalSources.AllKeys)
        {
            var zh = portal.GetString("Elig.Src." + key, CultureInfo.GetCultureInfo("zh-CN"));
            var en = portal.GetString("Elig.Src." + key, CultureInfo.GetCultureInfo("en-US"));
            Assert.False(string.IsNullOrEmpty(zh) || string.IsNullOrEmpty(en), key);
            Assert.DoesNotContain("/", zh!, StringComparison.Ordinal);
            Assert.Contains(zh!, c => c is >= '\u4e00' and <= '\u9fff');
            Assert.DoesNotContain(en!, c => c is >= '\u4e00' and <= '\u9fff');
        }
    }
}
