using System.Globalization;
using AfterSales.Web.Hosting;

namespace AfterSales.UnitTests.Localization;

/// <summary>
/// Field-level messages reach people in their language (Hosting/ProblemFieldMessages.cs, Resources/FieldMessages*.resx):
/// every message the source writes has a zh-CN entry, so a new English phrase without a translation fails here.
/// </summary>
public sealed class FieldMessageTextTests
{
    private static readonly CultureInfo Zh = new("zh-CN");
    private static readonly CultureInfo En = new("en-US");

    [Fact]
    public void TheScan_FindsTheMessagesOfTheUseCases_InterpolatedOnesIncluded()
    {
        var samples = FieldMessageSources.All().Select(f => f.Sample).ToHashSet();
        Assert.True(samples.Count >= 50, $"only {samples.Count} messages found: is the scan still reading the source?");
        Assert.Contains("at least one line is required", samples);
        Assert.Contains("16 to 256 characters", samples);
        Assert.Contains("at most 1 characters", samples);            // $"at most {max} characters"
        Assert.Contains("unknown role '1'; one of 1", samples);       // $"… '{r}'; one of {string.Join(", ", …)}"
        Assert.Contains("one of 1", samples);                         // "one of " + string.Join(…)
        Assert.Contains("1 must be at least 1", samples);             // law.Add($"{field} must be at least {floor}")
        Assert.Contains("0 to 1, at most 2 decimal places", samples); // a constant followed to its declaration
    }

    [Fact]
    public void EveryMessageInTheSource_HasAChineseEntry()
    {
        var missing = FieldMessageSources.All().Where(f => !FieldMessageText.HasEntry(f.Sample, Zh))
            .Select(f => $"{f.File}: \"{f.Sample}\" (template \"{FieldMessageText.Normalize(f.Sample).Key}\")").Distinct().ToList();
        Assert.True(missing.Count == 0, "Add these templates to Resources/FieldMessages.resx and .zh-CN.resx:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EveryMessageInTheSource_ComesBackUnchangedFromItsEnglishEntry()
    {
        var wrong = FieldMessageSources.All().Select(f => f.Sample).Distinct()
            .Where(s => FieldMessageText.English(s) != s).Select(s => $"\"{s}\" → \"{FieldMessageText.English(s)}\"").ToList();
        Assert.True(wrong.Count == 0, "English entries must give the message back:\n" + string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("at most 200 characters", "at most {0} characters", new[] { "200" })]
    [InlineData("unknown flag 'fragile'; known: fresh_food, custom_made", "unknown flag '{0}'; known: {1}", new[] { "fragile", "fresh_food, custom_made" })]
    [InlineData("one of return, exchange", "one of {0}", new[] { "return, exchange" })]
    [InlineData("must not be before placedAt", "must not be before {0}", new[] { "placedAt" })]
    [InlineData("no agent 'a-1' (PUT /api/v1/agents/{agentId} first)", "no agent '{0}' (PUT /api/v1/agents/{agentId} first)", new[] { "a-1" })]
    [InlineData("0.01 to 0.99 (e.g. 0.75)", "{0} to {1} (e.g. {2})", new[] { "0.01", "0.99", "0.75" })]
    public void Normalize_TakesOutNumbersQuotedValuesFieldsAndLists(string message, string key, string[] args)
    {
        var t = FieldMessageText.Normalize(message);
        Assert.Equal(key, t.Key);
        Assert.Equal(args, t.Args);
    }

    [Theory]
    [InlineData("lines: at least one line is required", "lines: at least one line is required")] // not a message the code writes: unchanged
    [InlineData("at least one line is required", "至少需要一行商品")]
    [InlineData("16 to 256 characters", "16 至 256 个字符")]
    [InlineData("at most 4000 characters", "最多 4000 个字符")]
    [InlineData("unknown flag 'fragile'", "未知标记“fragile”")]
    [InlineData("must not be before placedAt", "不得早于下单时间")]
    [InlineData("noReasonDays must be at least 7", "无理由退货天数不得少于 7")]
    [InlineData("platform, shop:{shopId} or category:{category}", "须为 platform、shop:{shopId} 或 category:{category}")]
    [InlineData("结束时间须晚于开始时间", "结束时间须晚于开始时间")] // already in the request's language
    public void Translate_InChinese(string message, string expected) => Assert.Equal(expected, FieldMessageText.Translate(message, Zh));

    [Theory]
    [InlineData("at least one line is required")]
    [InlineData("must not be before placedAt")]
    [InlineData("unknown role 'x'; one of agent, merchant")]
    public void Translate_InEnglish_IsTheMessageAsWritten(string message) => Assert.Equal(message, FieldMessageText.Translate(message, En));

    [Theory]
    [InlineData("lines[0].quantity", "zh-CN", "第 1 行 数量")]
    [InlineData("lines[0].quantity", "en-US", "Line 1 Quantity")]
    [InlineData("secret", "zh-CN", "签名密钥")]
    [InlineData("recipient.name", "zh-CN", "收件人姓名")]
    [InlineData("week.tue[2]", "zh-CN", "每周工作时间 周二 第 3 项")]
    [InlineData("somethingNew", "zh-CN", "somethingNew")]
    public void Label_ReadsAFieldPath(string field, string culture, string expected) =>
        Assert.Equal(expected, FieldMessageText.Label(field, new CultureInfo(culture)));
}
