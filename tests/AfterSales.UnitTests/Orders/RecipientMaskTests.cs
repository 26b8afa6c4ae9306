using AfterSales.Web.Modules.Orders.Contracts;

namespace AfterSales.UnitTests.Orders;

/// <summary>The masking rule of README "Personal data".</summary>
public sealed class RecipientMaskTests
{
    [Theory]
    [InlineData("13812341234", "138****1234")]
    [InlineData("+8613812341234", "+86****1234")]
    [InlineData("1234567", "****")]
    public void Phone(string phone, string masked) => Assert.Equal(masked, RecipientMask.Phone(phone));

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("王小明", "王**")]
    [InlineData("欧阳娜娜", "欧阳**")]
    [InlineData("欧阳", "欧*")]
    [InlineData("李", "*")]
    public void Name(string name, string masked) => Assert.Equal(masked, RecipientMask.Name(name));

    [Theory]
    [InlineData("广东省深圳市南山区科技园路1号", "广东省深圳市****")]
    [InlineData("上海市浦东新区世纪大道1号", "上海市****")]
    [InlineData("内蒙古自治区呼和浩特市新城区", "内蒙古自治区呼和浩特市****")]
    [InlineData("浙江杭州西湖区文三路", "****")]
    [InlineData("1 Main Street, Springfield", "****")]
    public void Address(string address, string masked) => Assert.Equal(masked, RecipientMask.Address(address));
}
