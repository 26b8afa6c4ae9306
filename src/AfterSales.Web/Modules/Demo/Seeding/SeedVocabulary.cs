namespace AfterSales.Web.Modules.Demo.Seeding;

/// <summary>Small word lists that make seeded orders look like a Chinese marketplace's, not like "x1", "x2".</summary>
internal static class SeedVocabulary
{
    public static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗"];
    public static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "桂英", "建华", "子涵", "浩然", "欣怡", "宇轩"];

    public static readonly (string Province, string City, string District)[] Places =
    [
        ("上海市", "上海市", "浦东新区"), ("北京市", "北京市", "朝阳区"), ("广东省", "深圳市", "南山区"), ("广东省", "广州市", "天河区"),
        ("浙江省", "杭州市", "西湖区"), ("江苏省", "南京市", "鼓楼区"), ("四川省", "成都市", "武侯区"), ("湖北省", "武汉市", "洪山区"),
        ("陕西省", "西安市", "雁塔区"), ("福建省", "厦门市", "思明区"), ("山东省", "青岛市", "市南区"), ("重庆市", "重庆市", "渝中区"),
    ];

    public static readonly string[] Streets = ["人民路", "中山路", "解放路", "建设路", "和平路", "新华路", "文化路", "科技园路", "长江路", "世纪大道"];

    /// <summary>Category, title, lowest and highest unit price in yuan, whether it carries a serial number and warranty.</summary>
    public static readonly (string Category, string Title, int Low, int High, bool Serial)[] Products =
    [
        ("phone", "智能手机 8+256G", 1299, 6999, true), ("laptop", "轻薄笔记本电脑 14英寸", 3499, 9999, true),
        ("headphones", "无线降噪耳机", 199, 1999, true), ("appliance", "空气净化器", 599, 2999, true),
        ("apparel", "纯棉短袖T恤", 39, 199, false), ("apparel", "羽绒服 轻薄款", 299, 1299, false),
        ("shoes", "跑步鞋 透气款", 199, 899, false), ("home", "四件套 全棉床品", 129, 699, false),
        ("beauty", "保湿面霜 50ml", 89, 599, false), ("books", "经典文学套装", 49, 199, false),
        ("toys", "拼装积木 城市系列", 99, 899, false), ("food", "坚果礼盒 1.5kg", 69, 199, false),
    ];

    public static readonly string[] PaymentMethods = ["alipay", "wechat_pay", "unionpay", "credit_card"];
    public static readonly string[] Carriers = ["SF", "ZTO", "YTO", "STO", "YUNDA", "JD"];
    public static readonly string[] Channels = ["app", "app", "app", "web", "web", "mini_program"];
    public static readonly string[] Priorities = ["normal", "normal", "normal", "normal", "normal", "normal", "normal", "high", "low", "urgent"];

    public static readonly string[] Descriptions =
    [
        "收到的商品有划痕，包装也有破损。", "尺码偏小，想换大一号。", "使用两天后无法开机。", "颜色与页面描述不符。",
        "少发了一个配件。", "快递显示已签收，但我没有收到。", "不想要了，商品未拆封。",
    ];

    public static readonly string[] RefusalReasons = ["商品已拆封影响二次销售", "超过七天无理由退货期限", "未提供有效凭证"];
    public static readonly string[] AppealReasons = ["商家拒绝不合理，商品确有质量问题", "已提供照片凭证"];
    public static readonly string[] Notes = ["外观完好，配件齐全", "已检测，功能正常", "已与消费者电话沟通", "已按平台规则处理"];
}
