using static AfterSales.Web.SharedKernel.CaseReason;
using static AfterSales.Web.Modules.Demo.Features.DemoCatalog;

namespace AfterSales.Web.Modules.Demo.Features;

/// <summary>仅退款 and 退货退款: every status of both lifecycles, with a failed-then-retried refund and platform rulings.</summary>
internal static partial class DemoCases
{
    public static IEnumerable<DemoScenario> All() => RefundOnly().Concat(ReturnRefund()).Concat(Exchange()).Concat(Repair()).Concat(Complaint());

    private static IEnumerable<DemoScenario> RefundOnly()
    {
        // requested, and the merchant waits for the consumer's photos
        yield return new DemoScenario("F01", CaseType.RefundOnly, DamagedInTransit, 0.8, "车厘子有七八颗压坏软烂，申请部分退款。", (1, 1)) { RequestedRefund = 60.00m }
            .FromConsumer(0.1, "快递箱一角被压扁了，开箱就看到压坏的果子。")
            .WaitOnConsumer(2, "请补充带快递面单的开箱照片，便于核实破损数量。");
        // refunding: parcel stuck in transit, the merchant agreed, the payment system has not answered yet
        yield return new DemoScenario("B04", CaseType.RefundOnly, NotReceived, 0.4, "中通物流 7 天没有更新，书一直没收到。", (1, 1), (2, 1))
            .FromConsumer(0.2, "查了物流，一直停在转运中心。")
            .Agree(4);
        yield return new DemoScenario("F03", CaseType.RefundOnly, QualityIssue, 2.5, "一箱芒果一半以上是黑心的。", (1, 1))
            .Agree(2)
            .Paid(0.3);
        // refused: an activation code is a downloaded digital good, outside 七天无理由
        yield return new DemoScenario("D04", CaseType.RefundOnly, NoReason7Day, 1.2, "WPS 会员买重复了，申请退款。", (2, 1)) { Channel = "web" }
            .Refuse(4, "激活码已发放并兑换，属在线下载的数字化商品，依《消费者权益保护法》第二十五条不适用七天无理由退货。");
        // platform_review after a refusal
        yield return new DemoScenario("F02", CaseType.RefundOnly, QualityIssue, 3.5, "签收当天打开就有 3 只蟹已经死了。", (1, 1)) { RequestedRefund = 175.50m, Priority = "high" }
            .FromConsumer(0.1, "开箱视频已拍，3 只一动不动。")
            .Refuse(6, "物流显示签收后次日才开箱，死蟹不在售后范围。")
            .Appeal(10, "签收当晚就开箱了，视频有时间，商家不认。")
            .Assign(1, AgentSun)
            .Note(0.5, AgentSun, "物流签收 18:42，买家开箱视频 19:05，倾向支持买家，等商家 24 小时内补充证据。");
        yield return new DemoScenario("F04", CaseType.RefundOnly, QualityIssue, 7.5, "车厘子发酸，有十几颗烂果。", (1, 1))
            .Agree(3)
            .Paid(0.2)
            .Close(20);
        // closed after a platform ruling for the consumer, for one missing issue of a subscription
        yield return new DemoScenario("B02", CaseType.RefundOnly, NotReceived, 10, "《读者》第 2 期没有收到。", (1, 1)) { RequestedRefund = 12.00m }
            .Refuse(20, "邮局已投递，请在小区信报箱查找。")
            .Appeal(30, "信报箱没有，邮局查询也没有妥投记录。")
            .Assign(2, AgentZhou)
            .Note(3, AgentZhou, "邮政查单：第 2 期无妥投扫描。")
            .Rule(20, "consumer", "邮政无妥投记录，支持按单期价格退款 12.00 元。", AgentZhou, 12.00m)
            .Paid(1)
            .Close(30, AgentZhou);
        // cancelled: ordered the wrong size before shipping, then kept it
        yield return new DemoScenario("F06", CaseType.RefundOnly, Other, 1.2, "拍错规格了，想要 5 斤装。", (1, 2))
            .FromMerchant(1, "亲，今天下午就发货，可以为您改成 5 斤装并退差价哦。")
            .Cancel(2);
        // refunded on the second attempt: the first refund failed at the bank
        yield return new DemoScenario("F05", CaseType.RefundOnly, QualityIssue, 4.5, "羊肉卷解冻后有异味，不敢吃。", (1, 1))
            .Agree(4)
            .PayFailed(0.2, "原支付银行卡已注销，原路退回失败")
            .Note(1, AgentWu, "银行卡已注销，与买家确认由发卡行转入新卡后重试同金额退款。")
            .RetryRefund(20, AgentWu)
            .Paid(0.5);
        // refunding with a failed refund that waits for its retry
        yield return new DemoScenario("F07", CaseType.RefundOnly, DamagedInTransit, 1.5, "羊肉卷包装破损，到货时已经化了。", (2, 1))
            .Agree(2)
            .PayFailed(0.3, "支付渠道繁忙，退款受理失败，请稍后重试")
            .Note(0.5, AgentWu, "退款受理失败待重试，已告知买家 1 个工作日内处理。");
    }

    private static IEnumerable<DemoScenario> ReturnRefund()
    {
        yield return new DemoScenario("A01", CaseType.ReturnRefund, NoReason7Day, 0.25, "不太喜欢版型，吊牌都在。", (1, 1));
        yield return new DemoScenario("D02", CaseType.ReturnRefund, NoReason7Day, 2.5, "耳机佩戴不舒服，未激活，包装完好。", (1, 1))
            .Agree(5);
        yield return new DemoScenario("A02", CaseType.ReturnRefund, NotAsDescribed, 5, "实物颜色偏黄，和详情页的米白色差别很大。", (1, 1))
            .FromMerchant(2, "亲，不同显示器会有一定色差，支持您退货。")
            .Agree(0.5)
            .ShipReturn(18, "SF");
        yield return new DemoScenario("B01", CaseType.ReturnRefund, DamagedInTransit, 5, "书脊破损，第二册封面撕裂。", (1, 1))
            .Agree(4)
            .ShipReturn(20, "ZTO")
            .ConfirmReceipt(50);
        yield return new DemoScenario("D03", CaseType.ReturnRefund, QualityIssue, 3, "充电器插上没反应，换了插座也不行。", (1, 1))
            .Agree(3)
            .ShipReturn(20, "SF")
            .ConfirmReceipt(30)
            .Inspect(4, true, "通电检测无输出，确认质量问题。");
        yield return new DemoScenario("A03", CaseType.ReturnRefund, NoReason7Day, 9.5, "裤长不合适，未下水，吊牌完好。", (1, 1))
            .Agree(2)
            .ShipReturn(24, "ZTO")
            .ConfirmReceipt(48)
            .Inspect(3, true, "吊牌完好，不影响二次销售。")
            .Paid(0.5);
        // refused: the buyer confirmed at purchase that activation makes it non-returnable
        yield return new DemoScenario("D04", CaseType.ReturnRefund, NoReason7Day, 4.5, "手环功能和预期不一样，想退。", (1, 1))
            .Refuse(5, "该商品激活后价值明显减损，购买时您已确认不适用七天无理由退货，且手环已激活绑定。");
        // platform_review after a failed inspection
        yield return new DemoScenario("D01", CaseType.ReturnRefund, NoReason7Day, 5.5, "手机拍照效果不满意，申请七天无理由退货。", (1, 1)) { Priority = "high" }
            .Agree(2)
            .ShipReturn(16, "SF")
            .ConfirmReceipt(30)
            .Inspect(3, false, "退回手机屏幕右下角有明显划痕，且已登录账号未退出，不符合商品完好要求。")
            .Assign(4, AgentSun)
            .FromConsumer(2, "寄出前屏幕完好，有寄件前拍的视频。")
            .Note(1, AgentSun, "待商家补充开箱视频后裁定。");
        yield return new DemoScenario("A06", CaseType.ReturnRefund, NoReason7Day, 4.6, "T 恤偏薄，不想要了。", (2, 1))
            .Agree(1)
            .ShipReturn(8, "JD")
            .ConfirmReceipt(30)
            .Inspect(2, true, "商品完好。")
            .Paid(0.5)
            .Close(24);
        // closed by a ruling for the merchant: made-to-measure goods are outside 七天无理由
        yield return new DemoScenario("A04", CaseType.ReturnRefund, NoReason7Day, 16, "袖长不合适，想退货。", (1, 1))
            .Refuse(6, "定作商品（量体定制、刺绣姓名）依法不适用七天无理由退货。")
            .Appeal(20, "衣服袖长不合适，希望退货。")
            .Assign(1, AgentZhou)
            .Reply(3, AgentZhou, "您好，定制衬衫属于《消费者权益保护法》第二十五条规定的定作商品；若尺寸与您提供的数据不符，可申请商家修改或重做。")
            .Rule(18, "merchant", "定作商品不适用无理由退货，买家所述为主观不合适，支持商家。", AgentZhou);
        yield return new DemoScenario("A05", CaseType.ReturnRefund, NoReason7Day, 3.5, "颜色比图片深，想退。", (1, 1))
            .Agree(2)
            .FromConsumer(10, "想了想还是留下了，不退了。")
            .Cancel(0.2);
        // refunded in part by a ruling after a failed inspection
        yield return new DemoScenario("A09", CaseType.ReturnRefund, NoReason7Day, 6.5, "穿着显胖，申请退货。", (1, 1))
            .Agree(1)
            .ShipReturn(10, "SF")
            .ConfirmReceipt(28)
            .Inspect(2, false, "退回羽绒服有明显穿着痕迹和香水味，吊牌已剪。")
            .Assign(2, AgentSun)
            .Note(1, AgentSun, "双方照片对比：吊牌已剪属实，二次销售受影响。")
            .Rule(20, "consumer", "商品有使用痕迹，支持退货但扣减 30% 折损，退款 615.30 元。", AgentSun, 615.30m)
            .Paid(0.5);
    }
}
