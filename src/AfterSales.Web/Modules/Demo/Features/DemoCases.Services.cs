using static AfterSales.Web.SharedKernel.CaseReason;
using static AfterSales.Web.Modules.Demo.Features.DemoCatalog;

namespace AfterSales.Web.Modules.Demo.Features;

/// <summary>换货, 维修 (三包) and 投诉: every status of the three lifecycles.</summary>
internal static partial class DemoCases
{
    private static IEnumerable<DemoScenario> Exchange()
    {
        yield return new DemoScenario("A01", CaseType.Exchange, WrongItem, 0.4, "下单 XL，收到的吊牌是 L 码，申请换货。", (1, 1));
        yield return new DemoScenario("D17", CaseType.Exchange, QualityIssue, 3.5, "左耳没有声音。", (1, 1))
            .Agree(3);
        yield return new DemoScenario("A06", CaseType.Exchange, WrongItem, 4.5, "发来的是 30 码，下单的是 32 码。", (1, 1))
            .Agree(1.5)
            .ShipReturn(20, "JD");
        // return_received and inspected: the replacement has not left yet
        yield return new DemoScenario("D03", CaseType.Exchange, QualityIssue, 4, "数据线接口松动，充电时断时续。", (1, 1))
            .Agree(2)
            .ShipReturn(24, "SF")
            .ConfirmReceipt(30)
            .Inspect(2, true, "确认接口松动，安排换新。")
            .FromMerchant(1, "新品今天到仓，明天上午发出。");
        // 三包: a performance fault within 15 days allows an exchange
        yield return new DemoScenario("D05", CaseType.Exchange, QualityIssue, 4.5, "开机后频繁黑屏重启。", (1, 1)) { Priority = "high" }
            .Agree(1)
            .ShipReturn(6, "SF")
            .ConfirmReceipt(26)
            .Inspect(3, true, "检测确认主板故障，符合三包换货条件。")
            .ShipReplacement(5, "SF");
        yield return new DemoScenario("B01", CaseType.Exchange, DamagedInTransit, 4, "书角有压痕。", (2, 1))
            .Refuse(6, "图片显示为轻微压痕，不影响阅读，可补偿 5 元无门槛券。")
            .FromConsumer(3, "那我再考虑一下。");
        yield return new DemoScenario("A07", CaseType.Exchange, QualityIssue, 12, "穿了两次就开始跑绒。", (1, 1))
            .Refuse(8, "照片显示为洗涤不当导致，不属于质量问题。")
            .Appeal(24, "没有水洗过，只穿了两次。")
            .Assign(1, AgentWu)
            .WaitOnConsumer(2, "请上传跑绒部位近照及水洗标照片。", AgentWu)
            .FromConsumer(5, "照片已上传。") // the consumer's answer resumes the case (and its SLA clocks)
            .Note(1, AgentWu, "已申请第三方质检（含绒量、面料防钻绒）。");
        yield return new DemoScenario("D17", CaseType.Exchange, WrongItem, 4.6, "下单薄荷绿，收到的是黑色。", (2, 1))
            .Agree(1)
            .ShipReturn(6, "SF")
            .ConfirmReceipt(24)
            .Inspect(1, true, "确认发错颜色。")
            .ShipReplacement(2, "SF")
            .ConfirmReplacement(30);
        yield return new DemoScenario("A08", CaseType.Exchange, Other, 1.5, "尺码偏大，想换小一码。", (1, 1))
            .FromMerchant(3, "XS 码目前缺货，预计 7 天后到货。")
            .Cancel(4);
    }

    private static IEnumerable<DemoScenario> Repair()
    {
        yield return new DemoScenario("D06", CaseType.Repair, QualityIssue, 0.3, "充电口接触不良，要调整角度才能充上电。", (1, 1));
        yield return new DemoScenario("D15", CaseType.Repair, QualityIssue, 1.5, "充电器发烫后没有输出。", (2, 1))
            .Agree(4)
            .FromMerchant(0.5, "请将充电器寄回：浙江省杭州市余杭区文一西路 1818 号 极客数码售后部 收，电话 0571-86001234。");
        yield return new DemoScenario("D07", CaseType.Repair, QualityIssue, 3, "屏幕偶发闪烁绿线。", (1, 1))
            .Agree(2)
            .ShipReturn(20, "SF");
        yield return new DemoScenario("D08", CaseType.Repair, QualityIssue, 4, "三个口只有一个能用。", (1, 1))
            .Agree(3)
            .ShipReturn(22, "ZTO")
            .ConfirmReceipt(50);
        yield return new DemoScenario("D09", CaseType.Repair, QualityIssue, 8, "通话时对方听不到声音。", (1, 1))
            .Agree(2)
            .ShipReturn(18, "SF")
            .ConfirmReceipt(28)
            .Diagnose(6, "repair", "麦克风排线故障，更换排线。")
            .WaitOnConsumer(2, "更换排线可能清除数据，请确认是否需要备份。")
            .FromConsumer(3, "不用保留数据，直接修。");
        yield return new DemoScenario("D10", CaseType.Repair, QualityIssue, 12, "Face ID 无法使用。", (1, 1))
            .Agree(1)
            .ShipReturn(12, "SF")
            .ConfirmReceipt(26)
            .Diagnose(8, "repair", "原深感摄像头模组故障，更换模组。")
            .ShipReplacement(72, "SF");
        // 三包: the same fault after two repairs allows a refund
        yield return new DemoScenario("D11", CaseType.Repair, QualityIssue, 3, "三包期内已两次维修，仍然会自动关机。", (1, 1)) { Priority = "urgent" }
            .Agree(2)
            .ShipReturn(20, "SF")
            .ConfirmReceipt(28)
            .Diagnose(10, "refund", "同一性能故障经两次修理仍不能正常使用，依三包规定办理退货退款。");
        yield return new DemoScenario("D12", CaseType.Repair, QualityIssue, 6, "右耳无法充电。", (1, 1))
            .Agree(2)
            .ShipReturn(18, "ZTO")
            .ConfirmReceipt(52)
            .Diagnose(24, "refund", "充电仓主板故障，该型号已无备件，按三包办理退款。")
            .Paid(0.5);
        yield return new DemoScenario("D13", CaseType.Repair, QualityIssue, 5, "手机无法开机。", (1, 1))
            .FromMerchant(3, "请问手机是否进水或摔落过？")
            .FromConsumer(2, "前天下雨淋了一下。")
            .Refuse(2, "进水导致的故障属人为损坏，不在三包范围，可提供付费维修。");
        yield return new DemoScenario("D14", CaseType.Repair, QualityIssue, 9, "后摄像头无法对焦。", (1, 1))
            .Refuse(10, "机身有磕碰痕迹，判定为摔落导致，不予保修。")
            .Appeal(30, "磕碰只是手机壳边缘的小印子，镜头问题和磕碰无关。")
            .Assign(2, AgentZhou)
            .Note(1, AgentZhou, "已请商家提供检测报告，48 小时内裁定。")
            .Reply(0.5, AgentZhou, "您好，平台已介入，将在 48 小时内给出处理结果。");
        yield return new DemoScenario("D15", CaseType.Repair, QualityIssue, 25, "左耳降噪失效。", (1, 1))
            .Agree(3)
            .ShipReturn(20, "SF")
            .ConfirmReceipt(30)
            .Diagnose(20, "repair", "降噪麦克风故障，更换左耳单元。")
            .ShipReplacement(48, "SF")
            .ConfirmReplacement(40);
        yield return new DemoScenario("D16", CaseType.Repair, QualityIssue, 6, "电池掉电很快。", (1, 1))
            .Agree(4)
            .FromMerchant(1, "建议先升级到最新系统版本，观察两天。")
            .FromConsumer(30, "升级后正常了，撤销申请。")
            .Cancel(0.1);
    }

    private static IEnumerable<DemoScenario> Complaint()
    {
        // Filed a quarter of an hour before the demo starts: it waits in the complaints queue, opened, until its SLA warning
        // (a change) lets routing assign it — at 0.2 days old that happened within minutes of start on a working day.
        yield return new DemoScenario("D16", CaseType.Complaint, Other, 0.01, "客服三天未回复维修进度咨询，态度敷衍。", (1, 1)) { Priority = "high", Channel = "hotline" };
        yield return new DemoScenario("F05", CaseType.Complaint, NotAsDescribed, 2, "详情页写赣南脐橙，箱子上印的是其他产地。", (2, 1))
            .Assign(1.5, AgentWu);
        yield return new DemoScenario("B03", CaseType.Complaint, NotReceived, 3, "本月这期杂志又没有按期投递。", (1, 1))
            .Assign(1, AgentSun)
            .Respond(4, "已联系书店与邮局核实，补寄本期杂志，预计 3 天内送达。", AgentSun);
        yield return new DemoScenario("B01", CaseType.Complaint, Other, 3, "商家拒绝开具电子发票。", (1, 1))
            .Assign(2, AgentZhou)
            .Respond(5, "已督促商家 48 小时内开具电子发票。", AgentZhou)
            .FromMerchant(20, "发票已开具并发送至买家邮箱。")
            .Resolve(4, "商家已开具电子发票，买家确认收到。", AgentZhou);
        yield return new DemoScenario("A03", CaseType.Complaint, Other, 11, "咨询物流两天没人回复。", (1, 1)) { Channel = "web" }
            .Assign(1, AgentSun)
            .Respond(3, "已提醒商家客服在 2 小时内回复，并为您查询物流：包裹今日派送。", AgentSun)
            .Resolve(24, "包裹已签收，商家客服已道歉。", AgentSun)
            .Close(48);
        yield return new DemoScenario("B04", CaseType.Complaint, Other, 2, "快递员电话里态度很差。", (1, 1))
            .Cancel(5);
    }
}
