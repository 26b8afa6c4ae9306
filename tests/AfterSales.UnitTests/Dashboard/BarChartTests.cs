using AfterSales.Web.Pages.Dashboard;

namespace AfterSales.UnitTests.Dashboard;

/// <summary>The SVG bar chart's layout: labels and the numbers at the bars' ends stay inside the viewBox in both languages.</summary>
public sealed class BarChartTests
{
    private static BarChart Chart(params Bar[] bars) => new("t", "Title", "", bars, "/csv");

    [Fact]
    public void ALongEnglishLabel_WidensTheLabelColumn_AndFitsWhole()
    {
        const string label = "Median: Return and refund";
        var chart = Chart(new Bar(label, 10, "2 h 5 min (12 clocks)", null), new Bar("Exchange", 3, "3", null));

        Assert.Equal(label, chart.LabelOf(chart.Bars[0]));
        Assert.True(BarChart.TextWidth(label) + BarChart.LabelGap <= chart.LabelWidth);
        Assert.True(chart.LabelWidth > 190, "wider than the old fixed column, which clipped it"); // 25 × 0.6 em × 13 ≈ 195
    }

    [Fact]
    public void ALabelLongerThanTheMostAllowed_IsCutWithAnEllipsis_ToFitTheColumn()
    {
        var label = string.Concat(Enumerable.Repeat("Very long queue name ", 5)).Trim();
        var chart = Chart(new Bar(label, 1, "1", null));

        var drawn = chart.LabelOf(chart.Bars[0]);
        Assert.EndsWith("…", drawn, StringComparison.Ordinal);
        Assert.StartsWith(drawn[..^1], label, StringComparison.Ordinal);
        Assert.Equal(BarChart.MaxLabelWidth, chart.LabelWidth);
        Assert.True(BarChart.TextWidth(drawn) <= chart.LabelWidth - BarChart.LabelGap);
    }

    [Fact]
    public void ChineseCharacters_CountAsAWholeEm()
    {
        Assert.Equal(4 * BarChart.FontSize, BarChart.TextWidth("退货退款"));
        Assert.Equal(4 * 0.6 * BarChart.FontSize, BarChart.TextWidth("abcd"), 6);
        var chart = Chart(new Bar("商品售后与平台介入处理专席", 1, "1", null));
        Assert.Equal("商品售后与平台介入处理专席", chart.LabelOf(chart.Bars[0]));
    }

    [Theory]
    [InlineData("7 · oldest 3 d 4 h · 2 breached")]
    [InlineData("7（最久 3 天 4 小时，超时 2）")]
    public void TheNumberAtTheLongestBarsEnd_IsInsideTheViewBox(string valueText)
    {
        var chart = Chart(new Bar("Median: Return and refund", 7, valueText, "/x"), new Bar("Other", 1, "1", "/y"));
        var longest = chart.Bars[0];
        var end = chart.LabelWidth + chart.LengthOf(longest) + BarChart.ValueGap + BarChart.TextWidth(longest.ValueText);
        Assert.True(end <= chart.Width, $"{end} > {chart.Width}");
        Assert.True(chart.BarMax >= BarChart.MinBarMax);
    }
}
