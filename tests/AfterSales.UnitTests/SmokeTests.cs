using AfterSales.Web.SharedKernel;

namespace AfterSales.UnitTests;

public class MoneyTests
{
    [Theory]
    [InlineData("199.5", "199.50")]
    [InlineData("0", "0.00")]
    public void Normalize_ShowsTwoPlaces(string input, string expected) =>
        Assert.Equal(expected, Money.Normalize(decimal.Parse(input, System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void FloorToFen_NeverRoundsUp() => Assert.Equal(33.33m, Money.FloorToFen(100m / 3m));
}
