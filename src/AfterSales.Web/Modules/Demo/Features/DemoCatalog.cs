using AfterSales.Web.Modules.Orders.Domain;

namespace AfterSales.Web.Modules.Demo.Features;

internal sealed record DemoShop(string Id, string Name, Actor Staff, Shops.Domain.ReturnAddress? ReturnAddress = null);

internal sealed record DemoConsumer(string Id, string Name, string Phone, string Address);

internal sealed record DemoProduct(string Sku, string Title, string Category, decimal Price, string[] Flags,
    int? WarrantyMonths = null, string? SerialPrefix = null);

/// <summary>
/// The people and goods of the demo: four shops, eight consumers, platform staff, and products with the flags and
/// 三包 warranties the eligibility rules read (DOMAIN.md §2, §4). Everyone here is invented.
/// </summary>
internal static class DemoCatalog
{
    // Return addresses are invented too (warehouse desks in real districts, made-up doors and phone numbers).
    public static readonly DemoShop Digital = new("shop-digital", "极客数码旗舰店", new("shop-digital:xiaoyu", ActorRole.Merchant),
        new("极客数码售后部", "0755-86669001", "广东省深圳市宝安区福永街道凤凰第一工业区 12 栋 3 楼 极客数码售后仓", "518103"));
    public static readonly DemoShop Fresh = new("shop-fresh", "鲜果时光生鲜馆", new("shop-fresh:laozhou", ActorRole.Merchant),
        new("周师傅（冷链仓）", "13605716688", "浙江省嘉兴市南湖区大桥镇亚太路 778 号 鲜果时光冷链仓 2 号库", "314006"));
    public static readonly DemoShop Apparel = new("shop-apparel", "简衣服饰旗舰店", new("shop-apparel:anna", ActorRole.Merchant),
        new("简衣售后组 安娜", "0571-88886666", "浙江省杭州市余杭区仓前街道文一西路 969 号 售后仓 3 号门", "311121"));
    public static readonly DemoShop Books = new("shop-books", "书香图书专营店", new("shop-books:shuyuan", ActorRole.Merchant),
        new("书香图书退换货处", "027-87651234", "湖北省武汉市东西湖区走马岭街道革新大道 888 号 书香物流园 B 区 5 号库", null));
    public static readonly DemoShop[] Shops = [Digital, Fresh, Apparel, Books];

    // Platform staff: agents work queues and platform reviews (平台介入), the supervisor hands out the work.
    public static readonly Actor AgentSun = new("agent-sunli", ActorRole.Agent);
    public static readonly Actor AgentZhou = new("agent-zhoujie", ActorRole.Agent);
    public static readonly Actor AgentWu = new("agent-wuting", ActorRole.Agent);
    public static readonly Actor Supervisor = new("sup-maqiang", ActorRole.Supervisor);

    /// <summary>The payment system answering refunds, as the integration key would over HTTP.</summary>
    public static readonly Actor Payments = new("integration:payments", ActorRole.Platform);

    public static readonly DemoConsumer[] Consumers =
    [
        new("c1001", "王芳", "13812345678", "上海市浦东新区张杨路1588弄12号1203室"),
        new("c1002", "李强", "13911872356", "北京市朝阳区建国路88号现代城3号楼1502室"),
        new("c1003", "张伟", "13760228419", "广东省广州市天河区天河北路233号中信广场东塔2108室"),
        new("c1004", "刘洋", "15088326701", "浙江省杭州市西湖区文三路90号东部软件园5号楼402室"),
        new("c1005", "陈静", "18628193547", "四川省成都市武侯区人民南路四段11号附3号7栋2单元601"),
        new("c1006", "杨帆", "13585274063", "江苏省南京市鼓楼区中山北路30号苏宁环球大厦1106室"),
        new("c1007", "赵敏", "18971465230", "湖北省武汉市洪山区珞喻路1037号华中科大西区宿舍14栋"),
        new("c1008", "黄磊", "13528906714", "广东省深圳市南山区科技园南区深南大道9988号1栋1801"),
    ];

    public static DemoShop Shop(string id) => Array.Find(Shops, s => s.Id == id) ?? throw new InvalidOperationException($"Unknown demo shop {id}.");

    // 三包: handsets, chargers and wireless earphones one year, wired earphones three months (DOMAIN.md §4).
    public static readonly DemoProduct Xiaomi14 = new("PH-XM14-12256-BK", "小米14 5G手机 徕卡光学镜头 12GB+256GB 黑色", "phone", 3999.00m, [], 12, "XM14");
    public static readonly DemoProduct Nova12 = new("PH-NOVA12-256-WH", "华为 nova 12 5G手机 256GB 樱语白", "phone", 2699.00m, [], 12, "NV12");
    public static readonly DemoProduct IPhone15 = new("PH-IP15-128-BL", "Apple iPhone 15 128GB 蓝色 5G手机", "phone", 5999.00m, [], 12, "F2LX");
    public static readonly DemoProduct Charger67 = new("CH-GAN67W-C", "67W 氮化镓快充充电器 Type-C 套装（含1米数据线）", "charger", 99.00m, [], 12);
    public static readonly DemoProduct Charger65 = new("CH-UG65W-3P", "绿联 65W 氮化镓三口充电器 2C1A", "charger", 139.00m, [], 12);
    public static readonly DemoProduct FreeBuds = new("EP-FB5I-WH", "华为 FreeBuds 5i 真无线降噪蓝牙耳机 陶瓷白", "earphones", 449.00m, [], 12, "FB5I");
    public static readonly DemoProduct WiredBuds = new("EP-TC-WIRED", "Type-C 入耳式有线耳机 带麦线控", "earphones", 49.00m, [], 3);
    public static readonly DemoProduct PhoneCase = new("AC-XM14-CASE-GN", "小米14 液态硅胶手机壳 薄荷绿", "accessory", 39.90m, []);
    public static readonly DemoProduct Band = new("WB-MB9-NFC", "小米手环9 NFC版 智能运动手环（激活后不支持七天无理由退货）", "wearable", 269.00m,
        [LineFlags.DeclaredNonReturnable], 12);
    public static readonly DemoProduct OfficeKey = new("SW-WPS-VIP-1Y", "WPS 超级会员年卡 数字激活码", "software", 89.00m, [LineFlags.DigitalUnsealed]);

    public static readonly DemoProduct Cherries = new("FR-CHL-JJ-2.5KG", "智利进口车厘子 JJ级 2.5kg 礼盒装 顺丰冷链", "fresh_food", 298.00m, [LineFlags.Perishable]);
    public static readonly DemoProduct Crabs = new("FR-YCH-CRAB-8", "阳澄湖大闸蟹 公4.0两 母3.0两 4对8只 鲜活现货", "fresh_food", 468.00m, [LineFlags.Perishable]);
    public static readonly DemoProduct Mangoes = new("FR-HN-MANGO-5J", "海南贵妃芒果 5斤装 单果200g+", "fresh_food", 59.90m, [LineFlags.Perishable]);
    public static readonly DemoProduct Oranges = new("FR-GN-ORANGE-10J", "赣南脐橙 10斤装 当季现摘", "fresh_food", 49.90m, [LineFlags.Perishable]);
    public static readonly DemoProduct Lamb = new("FR-NMG-LAMB-4", "内蒙古羔羊肉卷 500g×4盒 火锅食材 冷冻", "fresh_food", 139.00m, [LineFlags.Perishable]);

    public static readonly DemoProduct Tee = new("AP-TEE-M-WH-XL", "纯棉圆领短袖T恤 男款 白色 XL", "apparel", 79.00m, []);
    public static readonly DemoProduct DownCoat = new("AP-DOWN-W-BG-M", "女士中长款羽绒服 90%白鸭绒 米白色 M", "apparel", 899.00m, []);
    public static readonly DemoProduct Jeans = new("AP-JEANS-ST-32", "男士直筒牛仔裤 水洗蓝 32码", "apparel", 199.00m, []);
    public static readonly DemoProduct TailoredShirt = new("AP-SHIRT-MTM", "量体定制商务衬衫 袖口刺绣姓名缩写", "custom_made", 399.00m, [LineFlags.CustomMade]);
    public static readonly DemoProduct Cardigan = new("AP-KNIT-W-GY-S", "女士羊毛混纺针织开衫 浅灰 S", "apparel", 259.00m, []);

    public static readonly DemoProduct ThreeBody = new("BK-SANTI-SET3", "《三体》全集（全三册）刘慈欣 著", "books", 93.00m, []);
    public static readonly DemoProduct Sapiens = new("BK-SAPIENS", "《人类简史：从动物到上帝》尤瓦尔·赫拉利 著", "books", 68.00m, []);
    public static readonly DemoProduct ExamBook = new("BK-KY-ENG1", "考研英语（一）历年真题详解 2027版", "books", 59.80m, []);
    public static readonly DemoProduct ReaderMagazine = new("PR-DUZHE-SUB", "《读者》杂志 全年订阅（24期）邮局投递", "periodical", 144.00m, [LineFlags.Periodical]);
    public static readonly DemoProduct GeoMagazine = new("PR-CNG-SUB", "《中国国家地理》杂志 全年订阅（12期）", "periodical", 360.00m, [LineFlags.Periodical]);

    /// <summary>Waybills shaped like each carrier's (顺丰 SF…, 中通 7…, 京东 JDVA…, 邮政 EMS 1…).</summary>
    public static string Waybill(string carrier, Random rng) => carrier switch
    {
        "SF" => "SF" + Digits(rng, 13),
        "ZTO" => "7" + Digits(rng, 14),
        "JD" => "JDVA" + Digits(rng, 11),
        "EMS" => "1" + Digits(rng, 12),
        _ => throw new ArgumentOutOfRangeException(nameof(carrier), carrier, "not a demo carrier"),
    };

    public static string Digits(Random rng, int count) =>
        string.Create(count, rng, (span, r) => { for (var i = 0; i < span.Length; i++) span[i] = (char)('0' + r.Next(10)); });
}
