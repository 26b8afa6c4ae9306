using AfterSales.Web.Modules.Access.Domain;
using Microsoft.AspNetCore.Identity;
using AfterSales.Web.Modules.Access.Contracts;

namespace AfterSales.Web.Modules.Demo.Contracts;

/// <summary>One demo sign-in: who it is, the role, and what to try first (zh-CN / en-US).</summary>
public sealed record DemoSignIn(string UserId, string UserName, string DisplayName, string Role, string[] ShopIds, string? ConsumerId,
    string TryZh, string TryEn);

/// <summary>
/// The demo people who sign in, one per role of DOMAIN.md §1, with the ids the demo data already uses (the consumer
/// c1001 王芳, the merchant staff of 极客数码 and 简衣服饰, the agent 孙丽, the supervisor 马强), so that their cases and
/// timelines are theirs. Created with the demo data only (an empty database in Development or on SQLite), listed on
/// the home page in Development. Everyone here is invented; the password is public on purpose.
/// </summary>
public static class DemoUsers
{
    public const string Password = "AfterSales@2026";

    public static readonly DemoSignIn[] All =
    [
        new("c1001", "wangfang", "王芳", "consumer", [], "c1001",
            "在“我的订单”里对简衣服饰的 T 恤申请七天无理由退货，填写退货运单号。", "Start a no-reason return on the T-shirt from 简衣服饰 in My orders, then enter the return waybill."),
        new("shop-apparel:anna", "anna", "安娜（简衣服饰）", "merchant", ["shop-apparel"], null,
            "处理退货：同意申请，确认收货并登记验货结果后，退款自动发起。", "Handle returns: agree, confirm receipt and record the inspection; the refund then starts on its own."),
        new("shop-digital:xiaoyu", "xiaoyu", "小雨（极客数码）", "merchant", ["shop-digital"], null,
            "同意或拒绝待处理的售后申请，拒绝须写明理由。", "Agree to or refuse pending requests; a refusal needs a reason."),
        new("agent-sunli", "sunli", "孙丽（客服）", "agent", [], null,
            "按 SLA 风险处理队列，裁决平台介入的案件。", "Work the queue by SLA risk and rule on platform reviews."),
        new("sup-maqiang", "maqiang", "马强（主管）", "supervisor", [], null,
            "查看看板：SLA 达成率、超时、退款金额，导出 CSV。", "Watch the dashboard: SLA attainment, breaches, refunds; export CSV."),
        new("platform-admin", "admin", "平台管理员", "platform_admin", [], null,
            "维护政策、日历、SLA、队列、用户、API 密钥和 Webhook。", "Keep policies, calendars, SLAs, queues, users, API keys and webhooks."),
        new("qa-demo", "qa", "质检员", "qa_inspector", [], null, "质检功能即将推出。", "Quality inspection is coming."),
        new("trainer-demo", "trainer", "培训师", "trainer", [], null, "培训功能即将推出。", "Training is coming."),
        new("provider-demo", "provider", "服务商经理", "provider_manager", [], null, "合同与结算即将推出。", "Contract and settlement are coming."),
    ];

    /// <summary>Creates the missing demo users (idempotent).</summary>
    public static async Task SeedAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct = default)
    {
        await AccessRoleSeed.EnsureRolesAsync(services, ct);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var d in All)
        {
            if (await users.FindByIdAsync(d.UserId) is not null) continue;
            var user = new AppUser
            {
                Id = d.UserId, UserName = d.UserName, DisplayName = d.DisplayName, ShopIds = [.. d.ShopIds], ConsumerId = d.ConsumerId, CreatedAt = now,
            };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded) throw new InvalidOperationException("Demo user " + d.UserName + ": " + string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, d.Role);
        }
    }
}
